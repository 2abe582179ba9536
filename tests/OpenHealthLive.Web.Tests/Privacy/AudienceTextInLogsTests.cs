using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;
using static OpenHealthLive.Web.Tests.Privacy.AudienceData;

namespace OpenHealthLive.Web.Tests.Privacy;

/// <summary>
/// docs/privacy.md promises that no question text, name or typed answer is ever written to a log. The test logs every
/// category at Trace, far more than the defaults: if the text is not there, it is not in a production log either.
/// </summary>
public sealed class AudienceTextInLogsTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private readonly OpenHealthLiveFactory _factory = new();

    public AudienceTextInLogsTests()
    {
        _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";
        // Every category at Trace, the framework's included: far more than any production configuration logs.
        _factory.Settings["Logging:LogLevel:Default"] = "Trace";
        _factory.Settings["Logging:LogLevel:Microsoft"] = "Trace";
        _factory.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        _factory.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace";
    }

    [Fact]
    public async Task No_question_name_or_typed_answer_reaches_the_log_even_at_trace_level_nor_when_refused_held_deleted_or_forgotten()
    {
        var question = Marker("LoggedQuestion");
        var author = Marker("LoggedName")[..30];
        var held = Marker("LoggedHeld");
        var word = Marker("logged")[..24];
        var tooLong = Marker("LoggedTooLong");
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await presenter.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        await using var phone = await PhoneAsync(_factory);

        var asked = await phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "q1", $"Why {question}?", author);
        await phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "q2", $"NHS 943 476 5919 {held}", null);
        await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "q3", tooLong + new string('x', 600), null));
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, WordCloud);
        await VoteAsync(phone.Connection, WordCloud, new { text = word });
        await presenter.InvokeAsync<PresenterQuestion?>(nameof(LiveHub.ModerateQuestion), Code, asked.QuestionId, "delete");
        using var client = _factory.CreatePlainClient();
        using var forget = new HttpRequestMessage(HttpMethod.Post, $"/j/{Code}/forget-me");
        forget.Headers.Add("Cookie", phone.Cookie);
        using var forgotten = await client.SendAsync(forget);
        Assert.True(forgotten.IsSuccessStatusCode, $"forget-me answered {forgotten.StatusCode}");

        var log = _factory.AllLogText;
        Assert.NotEmpty(_factory.Logs);
        foreach (var text in new[] { question, author, held, word, tooLong })
        {
            Assert.DoesNotContain(text, log, StringComparison.OrdinalIgnoreCase);
        }
    }

    public void Dispose() => _factory.Dispose();
}
