using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Live;

[Collection(LiveAppCollectionDefinition.Name)]
public sealed class FragmentTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private const string AfterThePause = "Healthcare, though, adds hurdles that most software never meets.";

    private AppServer Server => app.Server;

    [Fact]
    public Task Each_press_reveals_one_fragment_and_a_phone_holds_only_the_fragments_revealed() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl), code);
        var items = TalkDeck.TakeawayItems;
        var phoneItems = phone.Slide.GetByRole(AriaRole.Listitem);

        // ::: incremental: every bullet is a fragment of its own.
        await presenter.GoToSlideAsync(TalkDeck.Takeaways);
        await phone.ExpectTalkSlideAsync(TalkDeck.Takeaways);
        for (var step = 0; step <= items.Count; step++)
        {
            if (step > 0)
            {
                await presenter.NextAsync();
            }

            await Expect(presenter.NowShowing).ToContainTextAsync($"{TalkDeck.Position(TalkDeck.Takeaways)} · step {step} of {items.Count}");
            // The console shows the whole slide, the bullets still to come dimmed.
            await Expect(presenter.CurrentSlide.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(items.Count);
            await Expect(presenter.CurrentSlide.Locator(".fragment.is-upcoming")).ToHaveCountAsync(items.Count - step);

            await Expect(phoneItems).ToHaveCountAsync(step);
            for (var i = 0; i < step; i++)
            {
                await Expect(phoneItems.Nth(i)).ToHaveTextAsync(items[i]);
            }

            await ExpectNotOnThePhoneAsync(phone, items.Skip(step));
        }

        // ← takes the last bullet back, on the phone too.
        await presenter.PreviousAsync();
        await Expect(presenter.NowShowing).ToContainTextAsync($"step {items.Count - 1} of {items.Count}");
        await Expect(phoneItems).ToHaveCountAsync(items.Count - 1);
        await ExpectNotOnThePhoneAsync(phone, [items[^1]]);

        // A pause (. . .): the paragraph after it is the slide's one fragment.
        await presenter.GoToSlideAsync(TalkDeck.MoreThanCode);
        await phone.ExpectTalkSlideAsync(TalkDeck.MoreThanCode);
        await Expect(presenter.NowShowing).ToContainTextAsync("step 0 of 1");
        await Expect(phone.Slide.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await Expect(phone.Slide.GetByRole(AriaRole.Paragraph)).ToHaveCountAsync(0);
        await ExpectNotOnThePhoneAsync(phone, [AfterThePause]);

        await presenter.NextAsync();
        await Expect(presenter.NowShowing).ToContainTextAsync("step 1 of 1");
        await Expect(phone.Slide.GetByRole(AriaRole.Paragraph)).ToHaveCountAsync(1);
        await Expect(phone.Slide.GetByRole(AriaRole.Paragraph)).ToHaveTextAsync(AfterThePause);

        // The next press leaves the slide.
        await presenter.NextAsync();
        await Expect(phone.Position).ToHaveTextAsync(TalkDeck.Position(TalkDeck.MoreThanCode + 1));
    });

    /// <summary>Not hidden but absent: the phone's whole document does not hold the text.</summary>
    private static async Task ExpectNotOnThePhoneAsync(AudiencePage phone, IEnumerable<string> texts)
    {
        var html = await phone.Page.ContentAsync();
        foreach (var text in texts)
        {
            Assert.DoesNotContain(text, html, StringComparison.Ordinal);
        }
    }
}
