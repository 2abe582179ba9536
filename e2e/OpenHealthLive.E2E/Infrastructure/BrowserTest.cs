using System.Runtime.CompilerServices;

namespace OpenHealthLive.E2E.Infrastructure;

/// <summary>A test class with one browser, whose tests run through <see cref="Devices.RunAsync"/>.</summary>
public abstract class BrowserTest(BrowserFixture browser)
{
    /// <summary>Runs a test body; <paramref name="testName"/> names the failure-artifact folder.</summary>
    protected Task RunAsync(Func<Devices, Task> test, [CallerMemberName] string testName = "") =>
        Devices.RunAsync(browser.Browser, testName, test);
}
