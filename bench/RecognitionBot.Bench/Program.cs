using RecognitionBot.Bench;

// Usage: bench/run.sh <core|slack|digest|faults> [options]; the script starts Azurite and passes its connection string.
var connection = Environment.GetEnvironmentVariable("RECOGNITIONBOT_BENCH_STORAGE")
    ?? throw new InvalidOperationException("Run through bench/run.sh, which starts Azurite and sets RECOGNITIONBOT_BENCH_STORAGE.");
var what = args.FirstOrDefault() ?? "core";
int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

return what switch
{
    "core" => await CoreBenchmark.RunAsync(connection, Option("--kudos", 1000), Option("--rounds", 3)),
    "customer" => await CustomerBenchmark.RunAsync(connection, Option("--ratings", 2000), Option("--concurrency", 20)),
    "slack" => await SlackBenchmark.RunAsync(connection, Option("--commands", 1000), Option("--slack-latency-ms", 0), Levels()),
    "faults" when args.Contains("--memory") => await FaultBenchmark.MemoryAsync(
        connection, Option("--senders", 8), Option("--kudos", 50_000), Option("--people", 20_000), Option("--samples", 10), Option("--port", 0)),
    "faults" => await FaultBenchmark.RunAsync(
        connection, Option("--senders", 8), Option("--restarts", 3), Option("--up-seconds", 5), args.Contains("--two-hosts"), Option("--port", 0)),
    "digest" => await DigestBenchmark.RunAsync(
        connection, Option("--members", 10_000), Option("--history", 1_000_000), Option("--week", 5_000), Option("--steps", 4)),
    _ => Usage(),
};

int[] Levels()
{
    var i = Array.IndexOf(args, "--levels");
    return i >= 0 && i + 1 < args.Length ? args[i + 1].Split(',').Select(int.Parse).ToArray() : [1, 10, 50];
}

static int Usage()
{
    Console.Error.WriteLine(
        "usage: bench/run.sh core [--kudos N] [--rounds N] | slack [--commands N] [--slack-latency-ms N] [--levels 1,10,50] " +
        "| digest [--members N] [--history N] [--week N] [--steps N] | faults [--senders N] [--restarts N] [--up-seconds N] [--two-hosts] [--port N] " +
        "| customer [--ratings N] [--concurrency N] | faults --memory [--kudos N] [--people N] [--samples N] [--senders N] [--port N]");
    return 2;
}
