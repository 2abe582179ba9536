using Microsoft.Playwright;

namespace OpenHealthLive.E2E.Infrastructure;

/// <summary>Launches Chromium the way traps.md prescribes for this toolchain.</summary>
public static class BrowserLauncher
{
    private const string DebianChromium = "/usr/bin/chromium";

    private static readonly string[] s_arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private static readonly Lazy<string?> s_executable = new(ResolveExecutable);

    /// <summary>Starts a headless Chromium with the standard arguments and <paramref name="extraArguments"/>.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, params string[] extraArguments)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new()
        {
            Headless = true,
            ExecutablePath = s_executable.Value,
            Args = [.. s_arguments, .. extraArguments],
        });
    }

    /// <summary>
    /// <c>PLAYWRIGHT_CHROMIUM_EXECUTABLE</c>, else Debian's Chromium, else Playwright's own build (installed on
    /// first use; null tells Playwright to use it).
    /// </summary>
    private static string? ResolveExecutable()
    {
        var configured = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (File.Exists(DebianChromium))
        {
            return DebianChromium;
        }

        var exitCode = Microsoft.Playwright.Program.Main(["install", "chromium"]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"`playwright install chromium` failed with exit code {exitCode}; set PLAYWRIGHT_CHROMIUM_EXECUTABLE to a Chromium binary.");
        }

        return null;
    }
}
