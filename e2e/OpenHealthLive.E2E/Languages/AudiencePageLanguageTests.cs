using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using OpenHealthLive.Web.Localization;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Languages;

/// <summary>
/// The phone page speaks the phone's language (docs/languages.md), what its scripts write included: the status
/// line, the position, the tabs, the questions and the poll. And the one switch in the header changes the words and
/// the slides together, keeping the phone's place.
/// </summary>
[Collection(LiveAppCollectionDefinition.Name)]
public sealed partial class AudiencePageLanguageTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private static readonly ResourceManager s_words = new(typeof(AudienceText));

    /// <summary>The poll on <see cref="TalkDeck.PillarMost"/>, as the presenter's console (in the deck's main language) lists it.</summary>
    private const string PillarMostQuestion = "Which pillar matters most in your work?";

    private AppServer Server => app.Server;

    [Theory]
    [InlineData("es")]
    [InlineData("fr")]
    public Task A_phone_in_the_language_shows_no_english_word_of_the_page_even_in_what_its_scripts_write(string language) => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, $"phone-{language}", locale: $"{language}-{language.ToUpperInvariant()}"), code);
        Assert.Equal(language, phone.Language);

        await presenter.GoToSlideAsync(TalkDeck.MoreThanCode);
        await Expect(phone.Position).ToHaveTextAsync(phone.Word("Js.Position", TalkDeck.MoreThanCode, TalkDeck.SlideCount));
        await phone.PreviousButton.ClickAsync();
        await Expect(phone.BackToLiveButton).ToBeVisibleAsync();
        var leaks = new List<string>();
        await CollectAsync(phone, language, "slides, looking back", leaks);

        await phone.OpenQuestionsAsync();
        await phone.QuestionBox.FillAsync("¿Y sin internet? Et sans internet ?");
        await phone.AskButton.ClickAsync();
        await Expect(phone.QuestionList.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await CollectAsync(phone, language, "questions", leaks);

        // A poll that opens does not take the screen from a phone on the Questions tab: it goes to it.
        await presenter.GoToSlideAsync(TalkDeck.PillarMost);
        await phone.PollTab.ClickAsync();
        await Expect(phone.SendVoteButton).ToBeVisibleAsync();
        await CollectAsync(phone, language, "poll", leaks);

        // Voted, and the poll closed and opened again: the phone's receipt of its earlier vote is in its language too.
        await phone.PollPanel.GetByRole(AriaRole.Radio).First.ClickAsync();
        await phone.SendVoteButton.ClickAsync();
        await Expect(phone.PollReceipt).ToHaveTextAsync($"✓ {phone.Word("Js.VoteCounted")}");
        await presenter.PollButton(PillarMostQuestion, "Close").ClickAsync();
        await Expect(phone.PollTab).ToBeHiddenAsync();
        await presenter.PollButton(PillarMostQuestion, "Open").ClickAsync();
        await phone.PollTab.ClickAsync();
        await Expect(phone.SendVoteButton).ToHaveTextAsync(phone.Word("Js.ChangeVote"));
        await CollectAsync(phone, language, "poll, back to it after voting", leaks);

        await phone.TurnCaptionsOnAsync();
        await CollectAsync(phone, language, "captions on", leaks);

        Assert.True(leaks.Count == 0, $"English on the {language} phone:{Environment.NewLine}{string.Join(Environment.NewLine, leaks)}");
    });

    [Fact]
    public Task Choosing_french_on_the_page_brings_it_back_in_french_on_the_same_tab_slide_and_draft() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "english-phone"), code);
        await presenter.GoToSlideAsync(2);
        await presenter.GoToSlideAsync(3);
        await phone.ExpectSlideAsync(3);
        await phone.PreviousButton.ClickAsync();
        await Expect(phone.Position).ToHaveTextAsync(GettingStartedDeck.Position(2));
        const string Draft = "Does this work offline?";
        await phone.OpenQuestionsAsync();
        await phone.QuestionBox.FillAsync(Draft);

        // The deck has no French: the words change, the slides stay in the deck's English.
        await phone.ChooseLanguageAsync("fr", slides: "en-GB");

        await Expect(phone.QuestionsTab).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(phone.QuestionBox).ToHaveValueAsync(Draft);
        await Expect(phone.AskButton).ToHaveTextAsync("Envoyer");
        await phone.SlidesTab.ClickAsync();
        await Expect(phone.Position).ToHaveTextAsync($"Diapositive 2 sur {GettingStartedDeck.SlideCount}");
        await Expect(phone.BackToLiveButton).ToHaveTextAsync("Revenir au direct");
        await Expect(phone.SlideHeading).ToHaveTextAsync(GettingStartedDeck.Heading(2));
        // The README's picture of a phone in French, when asked for (OHL_SCREENSHOTS=docs/images).
        if (Environment.GetEnvironmentVariable(Docs.ScreenshotFactAttribute.Variable) is { Length: > 0 } folder)
        {
            await phone.Page.ScreenshotAsync(new() { Path = Path.GetFullPath(Path.Combine(folder, "phone-french.png"), RepositoryPaths.Root), Animations = ScreenshotAnimations.Disabled });
        }

        // The choice stays with the phone: the cookie brings the next page in French.
        await phone.Page.GotoAsync("/");
        await Expect(phone.Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Rejoignez une présentation en direct");
    });

    /// <summary>Adds to <paramref name="leaks"/> each English phrase of the page's resources that the phone shows or names.</summary>
    private static async Task CollectAsync(AudiencePage phone, string language, string state, List<string> leaks)
    {
        var seen = await phone.Page.EvaluateAsync<string>(SeenTextScript);
        foreach (var phrase in EnglishPhrases(language).Where(p => Contains(seen, p)))
        {
            leaks.Add($"{state}: “{phrase}”");
        }
    }

    /// <summary>
    /// The text a person sees or hears on the page: visible text and the names of visible elements, leaving out the
    /// deck's words (marked with another <c>lang</c>), setting names and scripts.
    /// </summary>
    private const string SeenTextScript = """
        () => {
          const page = document.documentElement.lang.split('-')[0];
          const own = (element) => (element.closest('[lang]')?.lang ?? page).split('-')[0] === page;
          const parts = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const element = node.parentElement;
            if (!element || element.closest('script, style, code, template') || !own(element)) continue;
            if (!element.checkVisibility() && !element.closest('.visually-hidden')) continue;
            parts.push(node.textContent);
          }
          for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
            if (!own(element) || !element.checkVisibility()) continue;
            for (const name of ['aria-label', 'placeholder', 'title', 'alt']) if (element.hasAttribute(name)) parts.push(element.getAttribute(name));
          }
          return parts.join(' | ');
        }
        """;

    private static List<string> EnglishPhrases(string language)
    {
        var translated = s_words.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => WebUtility.HtmlDecode((string)e.Value!)).ToList();
        var all = string.Join(" | ", translated);
        return s_words.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .SelectMany(e => Cuts().Split(WebUtility.HtmlDecode((string)e.Value!)))
            .Select(phrase => phrase.Trim(' ', '.', ',', ':', ';', '(', ')', '·', '“', '”', '←', '?'))
            .Where(phrase => phrase.Count(char.IsLetter) >= 3 && !Contains(all, phrase))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static bool Contains(string text, string phrase) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(phrase)}(?![\p{{L}}\p{{N}}])", RegexOptions.None, TimeSpan.FromSeconds(5));

    [GeneratedRegex(@"\{\d+\}|<[^>]+>|\n")]
    private static partial Regex Cuts();
}
