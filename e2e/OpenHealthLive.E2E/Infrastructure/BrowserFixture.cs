using Microsoft.Playwright;

namespace OpenHealthLive.E2E.Infrastructure;

/// <summary>One headless Chromium for a test class; every simulated device is a new context in it.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    static BrowserFixture()
    {
        // Two cores in CI, shared with the server and other builds: a change reaches a phone in milliseconds
        // on a quiet machine, but a busy one can stall for seconds. Assertions still pass as soon as they hold.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    /// <summary>Arguments added to the standard launch arguments.</summary>
    protected virtual string[] ExtraArguments => [];

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserLauncher.LaunchAsync(_playwright, ExtraArguments);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
