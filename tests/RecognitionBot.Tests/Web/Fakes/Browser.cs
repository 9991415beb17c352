using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RecognitionBot.Tests.Web.Fakes;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by scripts/test.sh) driven by Playwright: headless, no
/// browser download, a fresh profile per launch (Playwright gives every launch a new temporary user-data-dir) and a
/// fresh context per test. The self-signed issuers are accepted
/// by the browser only (<see cref="BrowserNewContextOptions.IgnoreHTTPSErrors"/>).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: scripts/test.sh installs Debian's chromium package (apt-get install chromium).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = Args,
            Timeout = 60_000,
        });
    }

    /// <summary>A new page in a context of its own (no cookies from other tests), at phone width when asked.</summary>
    public async Task<IPage> NewPageAsync(string? locale = "en-US", int width = 1024)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            IgnoreHTTPSErrors = true,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Runs axe-core on the page and fails on any serious or critical violation, naming each.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    /// <summary>
    /// With <c>RECOGNITIONBOT_SCREENSHOTS</c> set to a folder (docs/ for the README), saves the page there as
    /// <c>dashboard-{name}.png</c>; otherwise does nothing.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("RECOGNITIONBOT_SCREENSHOTS") is not { Length: > 0 } folder) return;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"dashboard-{name}.png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
