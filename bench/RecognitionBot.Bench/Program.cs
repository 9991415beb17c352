Console.WriteLine("RecognitionBot benchmarks: see bench/README.md");
