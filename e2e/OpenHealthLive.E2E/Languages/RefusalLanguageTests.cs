using System.Text.RegularExpressions;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Languages;

/// <summary>
/// What the server refuses reaches a phone in the phone's language: the phone words each refusal from its code
/// (docs/languages.md, "Refusals"), with the numbers written as its language writes them, and gives back what it did
/// not send; a question the patient-data guard holds is explained in the phone's language too.
/// </summary>
[Collection(LiveAppCollectionDefinition.Name)]
public sealed class RefusalLanguageTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private AppServer Server => app.Server;

    [Fact]
    public Task A_spanish_phone_reads_the_server_s_refusals_and_holds_in_spanish_and_keeps_what_was_refused() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(TalkDeck.Slug);
        var phone = await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, "phone-es-refusals", locale: "es-ES"), code);
        Assert.Equal("es", phone.Language);
        await phone.OpenQuestionsAsync();

        // Past the box's own limit (a script could send it): the server's refusal, in Spanish, and the text back in the box.
        var tooLong = new string('a', 501);
        await phone.QuestionBox.EvaluateAsync("(box, text) => { box.removeAttribute('maxlength'); box.value = text; }", tooLong);
        await phone.AskButton.ClickAsync();
        await Expect(phone.AskResult).ToHaveTextAsync(phone.Word("Js.Refusal.question-too-long", 500, 501));
        await Expect(phone.QuestionBox).ToHaveValueAsync(tooLong);

        // Held by the patient-data guard: said in Spanish, not in the presenter's English.
        await phone.QuestionBox.FillAsync("¿Me llaman al 07700 900123 por mi madre?");
        await phone.AskButton.ClickAsync();
        await Expect(phone.AskResult).ToHaveTextAsync(phone.Word("Js.Held.personal-data"));
        await Expect(phone.OwnQuestions).ToContainTextAsync(phone.Word("Js.Held.personal-data"));

        // Too fast (a few a minute per phone, the refused and the held one included): the wait in seconds in a Spanish
        // sentence, and the refused question stays in the box instead of being sent again by itself.
        var sent = Regex.Escape(phone.Word("Js.QuestionSent"));
        var waitInSpanish = $"{Regex.Escape(phone.Word("Js.Refusal.questions-too-fast", "§")).Replace("§", "[0-9]+", StringComparison.Ordinal)}|{Regex.Escape(phone.Word("Js.Refusal.questions-too-fast.one"))}";
        var last = "";
        for (var i = 3; i <= 7; i++)
        {
            last = $"¿Pregunta número {i}?";
            await phone.QuestionBox.FillAsync(last);
            await phone.AskButton.ClickAsync();
            await Expect(phone.AskResult).ToHaveTextAsync(new Regex($"^(?:{sent}|{waitInSpanish})$"));
            if (await phone.AskResult.TextContentAsync() != phone.Word("Js.QuestionSent"))
            {
                break;
            }
        }

        await Expect(phone.AskResult).ToHaveTextAsync(new Regex($"^(?:{waitInSpanish})$"));
        await Expect(phone.QuestionBox).ToHaveValueAsync(last);
        await Expect(phone.Question(last)).ToHaveCountAsync(0);
    });
}
