using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Localization;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Tests.Infrastructure;
using static OpenHealthLive.Web.Tests.Privacy.AudienceData;

namespace OpenHealthLive.Web.Tests.Localization;

/// <summary>
/// Each audience page, rendered in each shipped language (asked for by the browser, or chosen on the page and kept in
/// the cookie), shows none of the English strings: every English resource value is looked for in the text a person
/// sees or hears (text, aria-label, placeholder, title, alt). The deck's own words are left out: they are marked with
/// their language (<c>lang</c>), and the French page of a deck without French shows them in English on purpose.
/// </summary>
public sealed partial class AudiencePagesInEachLanguageTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private readonly OpenHealthLiveFactory _factory = new();

    public AudiencePagesInEachLanguageTests()
    {
        _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";
    }

    public static TheoryData<string, string> LanguagesAndHow => new()
    {
        { "es", "browser" },
        { "fr", "browser" },
        { "es", "cookie" },
        { "fr", "cookie" },
    };

    [Theory]
    [MemberData(nameof(LanguagesAndHow))]
    public async Task Every_audience_page_has_no_English_string_in_the_language(string language, string how)
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await presenter.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);
        await using var phone = await PhoneAsync(_factory);
        await VoteAsync(phone.Connection, Pillar, new { option = 1 });
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ShowPollResults), Code, Pillar, true);

        var english = EnglishPhrases(language);
        var leaks = new List<string>();
        using var client = _factory.CreatePlainClient();
        foreach (var path in new[] { "/", "/?code=ZZZZZZ", "/?code=12", $"/j/{Code}", "/j/NOPE99", $"/privacy?talk={Code}", $"/p/{Code}/{Pillar}", "/no-such-page", "/status/429" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (how == "browser")
            {
                request.Headers.TryAddWithoutValidation("Accept-Language", $"{language}-{language.ToUpperInvariant()},{language};q=0.9,en;q=0.5");
            }
            else
            {
                request.Headers.TryAddWithoutValidation("Accept-Language", "en-GB,en;q=0.9");
                request.Headers.TryAddWithoutValidation("Cookie", $"{LocalizationSetup.CookieName}={Uri.EscapeDataString($"c={language}|uic={language}")}");
            }

            using var response = await client.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(html.Contains($"<html lang=\"{language}\"", StringComparison.Ordinal), $"{path}: the page is not marked as {language} ({response.StatusCode}).");
            var seen = SeenText(html, language);
            leaks.AddRange(english.Where(phrase => Contains(seen, phrase)).Select(phrase => $"{path}: “{phrase}” in “{Around(seen, phrase)}”"));
        }

        Assert.True(leaks.Count == 0, $"English on the {language} pages:{Environment.NewLine}{string.Join(Environment.NewLine, leaks)}");
    }

    [Fact]
    public async Task The_talk_page_gives_the_script_its_words_in_the_language()
    {
        using var client = _factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/j/{Code}");
        request.Headers.TryAddWithoutValidation("Accept-Language", "fr");
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        var json = ScriptText().Match(html);
        Assert.True(json.Success, "The page has no <script id=\"audience-text\"> block.");
        using var words = System.Text.Json.JsonDocument.Parse(json.Groups[1].Value);
        Assert.Equal("Diapositive {0} sur {1}", words.RootElement.GetProperty("Position").GetString());
        Assert.Equal("Hors ligne", words.RootElement.GetProperty("Status.offline").GetString());
        Assert.Equal(AudienceTextTests.Strings(CultureInfo.InvariantCulture).Keys.Count(k => k.StartsWith("Js.", StringComparison.Ordinal)), words.RootElement.EnumerateObject().Count());
    }

    /// <summary>
    /// The English values, cut at their placeholders and markup into phrases of three letters or more; values the
    /// language writes as in English are left out (AudienceTextTests.SameAsEnglish).
    /// </summary>
    private static List<string> EnglishPhrases(string language)
    {
        // A phrase the translation itself uses ("Questions", "Contact" in French) is no sign of a string left in English.
        var translated = string.Join(" | ", AudienceTextTests.Strings(CultureInfo.GetCultureInfo(language)).Values.Select(WebUtility.HtmlDecode));
        return AudienceTextTests.Strings(CultureInfo.InvariantCulture)
            .Where(e => !AudienceTextTests.SameAsEnglish[language].Contains(e.Key))
            .SelectMany(e => Cuts().Split(WebUtility.HtmlDecode(e.Value)))
            .Select(phrase => phrase.Trim(' ', '.', ',', ':', ';', '(', ')', '·', '“', '”', '←', '?'))
            .Where(phrase => phrase.Count(char.IsLetter) >= 3 && !Contains(translated, phrase))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// What a person sees or hears of a page: its text and its labels. Not its scripts, nor setting names (<c>code</c>),
    /// nor words marked as in another language, nor the title, which is the deck's own title (or its poll's question).
    /// </summary>
    private static string SeenText(string html, string language)
    {
        var text = Scripts().Replace(html, " ");
        string previous;
        do
        {
            previous = text;
            text = OtherLanguage().Replace(text, m => string.Equals(m.Groups["lang"].Value.Split('-')[0], language, StringComparison.OrdinalIgnoreCase) ? m.Value : " ");
        }
        while (text != previous);

        var labels = string.Join(" | ", Labels().Matches(text).Select(m => m.Groups["value"].Value));
        return WebUtility.HtmlDecode(Tags().Replace(text, " | ") + " | " + labels);
    }

    private static string Around(string text, string phrase)
    {
        var at = Regex.Match(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(phrase)}(?![\p{{L}}\p{{N}}])", RegexOptions.None, TimeSpan.FromSeconds(5)).Index;
        var start = Math.Max(0, at - 40);
        return Regex.Replace(text[start..Math.Min(text.Length, at + phrase.Length + 40)], @"\s+", " ");
    }

    private static bool Contains(string text, string phrase) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(phrase)}(?![\p{{L}}\p{{N}}])", RegexOptions.None, TimeSpan.FromSeconds(5));

    [GeneratedRegex(@"\{\d+\}|<[^>]+>|\n")]
    private static partial Regex Cuts();

    [GeneratedRegex(@"<(script|style|code|title)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Scripts();

    [GeneratedRegex(@"<(?<tag>(?!html\b)\w+)\b(?=[^>]*\blang=""(?<lang>[^""]*)"")[^>]*>(?:(?!<\k<tag>\b).)*?</\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex OtherLanguage();

    [GeneratedRegex(@"(?<![\w-])(?:aria-label|placeholder|title|alt)=""(?<value>[^""]*)""")]
    private static partial Regex Labels();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<script type=""application/json"" id=""audience-text"">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptText();

    public void Dispose() => _factory.Dispose();
}
