using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Docs;

/// <summary>
/// The screenshots of docs/captions.md and the README: a phone with its captions panel open, and the caption console
/// on a laptop while a line is being typed, and the projector's caption bar. Run with <c>OHL_SCREENSHOTS=docs/images</c>.
/// </summary>
[Collection(nameof(CaptionScreenshotTests))]
public sealed class CaptionScreenshotTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [ScreenshotFact]
    public Task Caption_screenshots() => RunAsync(async devices =>
    {
        var folder = Path.GetFullPath(Environment.GetEnvironmentVariable(ScreenshotFactAttribute.Variable)!, RepositoryPaths.Root);
        Directory.CreateDirectory(folder);
        await using var server = await AppServer.StartNewAsync();
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl, "presenter"));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        await presenter.NextAsync();
        await Expect(presenter.Page.Locator("#slide-number")).ToContainTextAsync("Slide 2 of");

        // The organiser's own caption console (the key's sign-in has the Caption right too): a link is not needed here.
        var laptop = await devices.NewDesktopAsync(server.BaseUrl, "captioner", 1280, 800);
        await PresenterPage.SignInAsync(laptop);
        var captioner = await CaptionConsolePage.OpenAsync(laptop, $"/presenter/{code}/captions");
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, "phone"), code);
        await phone.TurnCaptionsOnAsync();
        var projector = await ProjectorPage.OpenAsync(await laptop.Context.NewPageAsync(), code);
        await projector.Page.SetViewportSizeAsync(1280, 720);
        await projector.PressAsync("c");

        string[] said =
        [
            "Thank you. I want to start with a question: who here has changed a piece of software at their hospital?",
            "Keep your hands up if you were allowed to share that change with another hospital.",
        ];
        foreach (var line in said)
        {
            await captioner.TypeAsync(line);
            await captioner.SendAsync(line);
        }

        const string Typing = "That gap is what open source closes";
        await captioner.TypeAsync(Typing);
        await Expect(phone.CaptionDraft).ToHaveTextAsync(Typing);
        await Expect(phone.CaptionLines).ToHaveCountAsync(said.Length);
        await Expect(captioner.PhonesSee).ToHaveTextAsync(Typing);

        await Expect(projector.Page.Locator("#caption-bar")).ToContainTextAsync(Typing);
        await projector.ExpectKeyHintFadedAsync();

        await projector.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "captions-projector.png"), Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled });
        await phone.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "captions-phone.png"), Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled });
        await captioner.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "caption-console.png"), Scale = ScreenshotScale.Css, Animations = ScreenshotAnimations.Disabled });
    });
}
