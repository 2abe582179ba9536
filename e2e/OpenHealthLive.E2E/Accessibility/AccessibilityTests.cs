using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Accessibility;

/// <summary>
/// axe-core on every page, at the size it is used at, in the state a person sees it; the pages phones and
/// laptops most often show in dark mode are checked in it too (the stylesheet has a full dark palette).
/// </summary>
/// <remarks>
/// A server of its own and a collection of its own: axe keeps the browser busy, and on two cores it runs
/// best beside the live tests, which spend much of their time waiting on the network.
/// </remarks>
[Collection(nameof(AccessibilityTests))]
public sealed class AccessibilityTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<LiveAppFixture>, IClassFixture<BrowserFixture>
{
    private static readonly string[] s_blockingImpacts = ["serious", "critical"];

    private AppServer Server => app.Server;

    [Theory]
    [InlineData("home", "phone")]
    [InlineData("home", "laptop")]
    [InlineData("join-error", "phone")]
    [InlineData("join-error", "laptop")]
    [InlineData("audience", "phone")]
    [InlineData("sign-in", "laptop")]
    [InlineData("presenter", "laptop")]
    [InlineData("projector", "projector")]
    [InlineData("projector-qr", "projector")]
    [InlineData("home", "phone-dark")]
    [InlineData("audience", "phone-dark")]
    [InlineData("presenter", "laptop-dark")]
    public Task Pages_have_no_serious_accessibility_violations(string pageName, string device) => RunAsync(async devices =>
    {
        var page = device switch
        {
            "phone" => await devices.NewPhoneAsync(Server.BaseUrl),
            "laptop" => await devices.NewDesktopAsync(Server.BaseUrl),
            "projector" => await devices.NewDesktopAsync(Server.BaseUrl, "projector", 1280, 720),
            "phone-dark" => await devices.NewPhoneAsync(Server.BaseUrl, colorScheme: ColorScheme.Dark),
            "laptop-dark" => await devices.NewDesktopAsync(Server.BaseUrl, colorScheme: ColorScheme.Dark),
            _ => throw new ArgumentOutOfRangeException(nameof(device), device, null),
        };

        await OpenAsync(page, pageName);
        var result = await page.RunAxe();

        var blocking = result.Violations.Where(v => s_blockingImpacts.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, Describe(page.Url, blocking));
    }, $"{nameof(Pages_have_no_serious_accessibility_violations)}({pageName}, {device})");

    private static async Task OpenAsync(IPage page, string pageName)
    {
        switch (pageName)
        {
            case "home":
                await Expect((await HomePage.OpenAsync(page)).Heading).ToBeVisibleAsync();
                break;
            case "join-error":
                await page.GotoAsync("/j/ZZZZ22");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No talk with this code" })).ToBeVisibleAsync();
                break;
            case "audience":
                await AudiencePage.OpenAsync(page, AppServer.DefaultSessionCode);
                break;
            case "sign-in":
                await page.GotoAsync("/presenter/sign-in");
                await Expect(page.GetByLabel("Presenter key")).ToBeVisibleAsync();
                break;
            case "presenter":
                await PresenterPage.SignInAsync(page);
                break;
            case "projector" or "projector-qr":
                await PresenterPage.SignInAsync(page);
                var projector = await ProjectorPage.OpenAsync(page, AppServer.DefaultSessionCode);
                // The state the projector is in for the talk. On a busy machine axe can otherwise catch the key
                // hint halfway through its fade-out and report its half-transparent text as low contrast.
                await projector.ExpectKeyHintFadedAsync();
                if (pageName == "projector-qr")
                {
                    await projector.PressAsync("q");
                    await Expect(projector.QrCode).ToBeVisibleAsync();
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(pageName), pageName, null);
        }
    }

    private static string Describe(string url, List<AxeResultItem> violations)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{violations.Count} serious or critical axe violation(s) on {url}:");
        foreach (var violation in violations)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m));
                foreach (var message in checks)
                {
                    text.AppendLine().Append("      ").Append(message.ReplaceLineEndings(" "));
                }
            }
        }

        return text.ToString();
    }
}
