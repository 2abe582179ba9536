using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace OpenHealthLive.E2E.Infrastructure;

/// <summary>
/// The simulated devices of one test: each is its own browser context (own cookies, own storage, like a
/// separate phone or laptop), traced from the start. When the test fails, every open page is screenshotted
/// and every context's trace, the pages' console and the error are saved to
/// <c>TestResults/e2e/&lt;test name&gt;/</c>; when it passes, the traces are dropped.
/// </summary>
public sealed class Devices : IAsyncDisposable
{
    private readonly IBrowser _browser;
    private readonly string _testName;
    private readonly List<(string Name, IBrowserContext Context)> _contexts = [];
    private readonly ConcurrentQueue<string> _console = new();
    private bool _tracesSaved;

    private Devices(IBrowser browser, string testName)
    {
        _browser = browser;
        _testName = testName;
    }

    /// <summary>Runs <paramref name="test"/> with a fresh set of devices and keeps the evidence if it fails.</summary>
    public static async Task RunAsync(IBrowser browser, string testName, Func<Devices, Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        await using var devices = new Devices(browser, testName);
        try
        {
            await test(devices);
        }
        catch (Exception failure)
        {
            await devices.SaveFailureArtifactsAsync(failure);
            throw;
        }

        // Evidence of an earlier failure would be mistaken for this run's.
        if (Directory.Exists(devices.ArtifactFolder))
        {
            Directory.Delete(devices.ArtifactFolder, recursive: true);
        }
    }

    /// <summary>A phone: 390×844 CSS pixels at 2× density, touch, mobile viewport rules.</summary>
    public async Task<IPage> NewPhoneAsync(Uri baseUrl, string name = "phone", ColorScheme colorScheme = ColorScheme.Light, string? locale = null)
    {
        var context = await NewContextAsync(name, new()
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            ColorScheme = colorScheme,
            Locale = locale,
        });
        return await context.NewPageAsync();
    }

    /// <summary>A laptop (presenter console, 1280×800 by default) or a projector (1280×720).</summary>
    public async Task<IPage> NewDesktopAsync(Uri baseUrl, string name = "presenter", int width = 1280, int height = 800, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await NewContextAsync(name, new()
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            ColorScheme = colorScheme,
        });
        return await context.NewPageAsync();
    }

    /// <summary>A context with any options, traced like the others.</summary>
    public async Task<IBrowserContext> NewContextAsync(string name, BrowserNewContextOptions options)
    {
        var unique = _contexts.Any(c => c.Name == name) ? $"{name}-{_contexts.Count(c => c.Name.StartsWith(name, StringComparison.Ordinal)) + 1}" : name;
        var context = await _browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        context.Page += (_, page) => WatchConsole(unique, page);
        // DOM snapshots let the trace viewer show every step; the screencast (Screenshots) would add about a
        // quarter to the suite's CPU time on two cores, and the failure screenshots show the final state.
        await context.Tracing.StartAsync(new() { Title = $"{_testName} · {unique}", Snapshots = true, Screenshots = false });
        _contexts.Add((unique, context));
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, context) in _contexts)
        {
            if (!_tracesSaved)
            {
                await context.Tracing.StopAsync();
            }

            await context.CloseAsync();
        }
    }

    private void WatchConsole(string device, IPage page)
    {
        page.Console += (_, message) => _console.Enqueue($"[{device}] {message.Type}: {message.Text}");
        page.PageError += (_, error) => _console.Enqueue($"[{device}] page error: {error}");
    }

    private string ArtifactFolder => Path.Combine(RepositoryPaths.FailureArtifacts, SafeFileName(_testName));

    private async Task SaveFailureArtifactsAsync(Exception failure)
    {
        var folder = ArtifactFolder;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "error.txt"), failure.ToString());
        foreach (var (name, context) in _contexts)
        {
            var pages = context.Pages;
            for (var i = 0; i < pages.Count; i++)
            {
                var file = Path.Combine(folder, pages.Count == 1 ? $"{name}.png" : $"{name}-{i + 1}.png");
                try
                {
                    await pages[i].ScreenshotAsync(new() { Path = file, FullPage = true, Timeout = 10_000 });
                }
                catch (PlaywrightException)
                {
                    // A crashed or closed page cannot be screenshotted; its trace still says what happened.
                }
            }

            try
            {
                await context.Tracing.StopAsync(new() { Path = Path.Combine(folder, $"{name}.trace.zip") });
            }
            catch (PlaywrightException)
            {
                // The browser is gone; the test's own exception says more than this one would.
            }
        }

        _tracesSaved = true;
        await File.WriteAllLinesAsync(Path.Combine(folder, "console.log"), _console);
    }

    private static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(name.Select(c => invalid.Contains(c) || c is ' ' or '"' or '\'' ? '_' : c).ToArray());
    }
}
