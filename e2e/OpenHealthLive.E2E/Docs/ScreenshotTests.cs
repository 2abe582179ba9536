using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Docs;

/// <summary>
/// The screenshots in docs/images: <c>OHL_SCREENSHOTS=docs/images dotnet test e2e/OpenHealthLive.E2E</c>.
/// A server of its own, configured as on a stage, so the pictures show what a speaker sees: the join URL is a
/// LAN address (never opened; only loopback is), not the "phones cannot open this address" warning that a
/// loopback-only test server rightly shows.
/// </summary>
[Collection(nameof(ScreenshotTests))]
public sealed class ScreenshotTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private const string StageUrl = "http://192.168.1.20:5000";

    [ScreenshotFact]
    public Task Documentation_screenshots() => RunAsync(async devices =>
    {
        // A relative folder is taken from the repository root: the test host runs in bin/, not where dotnet test was typed.
        var folder = Path.GetFullPath(Environment.GetEnvironmentVariable(ScreenshotFactAttribute.Variable)!, RepositoryPaths.Root);
        Directory.CreateDirectory(folder);
        await using var server = await AppServer.StartNewAsync(new Dictionary<string, string?> { ["Live:PublicBaseUrl"] = StageUrl });

        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl));
        await presenter.NextAsync();
        await presenter.ExpectSlideAsync(2);

        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl), AppServer.DefaultSessionCode);
        await phone.ExpectSlideAsync(2);
        await Expect(presenter.AudienceCount).ToHaveTextAsync("1 phone");

        var projectorPage = await devices.NewDesktopAsync(server.BaseUrl, "projector", 1280, 720);
        await PresenterPage.SignInAsync(projectorPage);
        var projector = await ProjectorPage.OpenAsync(projectorPage, AppServer.DefaultSessionCode);
        await projector.ExpectSlideAsync(2);
        // The key hint fades after a few seconds, as it does in front of an audience.
        await projector.ExpectKeyHintFadedAsync();

        var home = await HomePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, "home-phone"));
        await Expect(home.Heading).ToBeVisibleAsync();

        await ShootAsync(presenter.Page, Path.Combine(folder, "presenter.png"));
        await ShootAsync(projectorPage, Path.Combine(folder, "projector.png"));
        await ShootAsync(phone.Page, Path.Combine(folder, "audience-phone.png"));
        await ShootAsync(home.Page, Path.Combine(folder, "home-phone.png"));
    });

    private static async Task ShootAsync(IPage page, string path)
    {
        await page.EvaluateAsync("document.fonts.ready.then(() => true)");
        // CSS pixels, so each picture has the size of the device it shows (390×844, 1280×800, 1280×720).
        await page.ScreenshotAsync(new() { Path = path, Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled });
    }
}
