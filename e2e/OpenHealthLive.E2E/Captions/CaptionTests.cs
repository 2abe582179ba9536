using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Captions;

/// <summary>
/// Live captions end to end: the organiser makes a captioner link, the captioner types in the caption console, and
/// the line reaches two phones (as it is typed, and as a committed line) and the projector's caption bar; a phone
/// looking back at an earlier slide keeps its captions; the reader's text size and the panel stay on the phone.
/// A server of its own: the test makes a link.
/// </summary>
[Collection(nameof(CaptionTests))]
public sealed class CaptionTests(BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Captions_typed_in_the_caption_console_reach_two_phones_and_the_projector() => RunAsync(async devices =>
    {
        await using var server = await AppServer.StartNewAsync();
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(server.BaseUrl, "organiser"));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        await presenter.Page.GotoAsync("/organiser");
        var row = presenter.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = code });
        await row.GetByRole(AriaRole.Button, new() { Name = "New captioner link" }).ClickAsync();
        await Expect(presenter.Page.GetByRole(AriaRole.Heading, new() { Name = $"Captioner link for {code}" })).ToBeVisibleAsync();
        var link = await presenter.Page.GetByLabel("Link", new() { Exact = true }).InputValueAsync();
        await presenter.Page.GotoAsync($"/presenter/{code}");
        await presenter.ExpectLiveAsync();

        var captioner = await CaptionConsolePage.OpenAsync(await devices.NewDesktopAsync(server.BaseUrl, "captioner"), new Uri(link).PathAndQuery + new Uri(link).Fragment);
        await Expect(captioner.RoomSees.GetByRole(AriaRole.Article).GetByRole(AriaRole.Heading).First).ToHaveTextAsync(GettingStartedDeck.Heading(1));
        var a = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, "phone-a"), code);
        var b = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(server.BaseUrl, "phone-b"), code);
        await a.TurnCaptionsOnAsync();
        await b.TurnCaptionsOnAsync();
        var projector = await ProjectorPage.OpenAsync(await presenter.Page.Context.NewPageAsync(), code);
        await projector.PressAsync("c");
        await Expect(projector.Main).ToHaveAttributeAsync("data-captions", "shown");

        // As it is typed: on both phones and on the projector, before Enter, and outside the phones' live region.
        const string First = "Good morning, and welcome to the talk";
        await captioner.TypeAsync(First);
        foreach (var phone in new[] { a, b })
        {
            await Expect(phone.CaptionDraft).ToHaveTextAsync(First);
            await Expect(phone.CaptionLog).Not.ToContainTextAsync(First);
        }

        await Expect(projector.Page.Locator("#caption-bar")).ToContainTextAsync(First);

        // Enter commits it: it moves into the live region, which a screen reader announces once.
        await captioner.SendAsync(First);
        foreach (var phone in new[] { a, b })
        {
            await Expect(phone.CaptionLog.Locator(".caption-line")).ToHaveTextAsync([First]);
            await Expect(phone.CaptionDraft).ToBeEmptyAsync();
        }

        await Expect(projector.Page.Locator("#caption-bar .caption-line")).ToHaveTextAsync([First]);

        // A phone that looks back at the first slide keeps its captions: what is said now goes on arriving.
        await presenter.NextAsync();
        await a.ExpectSlideAsync(2);
        await a.PreviousButton.ClickAsync();
        await a.ExpectSlideAsync(1);
        const string Second = "This slide is about the second topic.";
        await captioner.TypeAsync(Second);
        await captioner.SendAsync(Second);
        await Expect(a.CaptionLines).ToHaveTextAsync([First, Second]);
        await Expect(a.CaptionsPanel).ToBeVisibleAsync();
        await a.ExpectSlideAsync(1);
        await Expect(b.CaptionLines).ToHaveTextAsync([First, Second]);
        await Expect(captioner.Sent.GetByRole(AriaRole.Listitem)).ToHaveTextAsync([new Regex($"^Slide 1.*{First}"), new Regex($"^Slide 2.*{Second}")]);

        // The reader's text size and the panel itself stay on the phone: after a reload it opens as it was, with the lines so far.
        var text = b.CaptionsPanel.Locator(".captions-body");
        await Expect(text).ToHaveCSSAsync("font-size", "20.8px");
        await b.LargerCaptionsButton.ClickAsync();
        await Expect(text).ToHaveCSSAsync("font-size", "25.6px");
        await b.Page.ReloadAsync();
        await b.ExpectLiveAsync();
        await Expect(b.CaptionsPanel).ToBeVisibleAsync();
        await Expect(text).ToHaveCSSAsync("font-size", "25.6px");
        await Expect(b.CaptionLines).ToHaveTextAsync([First, Second]);

        // Turned off, the panel goes; the projector's bar goes with C.
        await b.CaptionsButton.ClickAsync();
        await Expect(b.CaptionsPanel).ToBeHiddenAsync();
        await projector.PressAsync("c");
        await Expect(projector.Page.Locator("#caption-bar")).ToBeHiddenAsync();
    });
}
