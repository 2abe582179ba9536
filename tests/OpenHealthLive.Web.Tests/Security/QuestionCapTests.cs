using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// A room that floods the talk with questions: every phone a script can make up posts, and the talk must stop
/// storing (and sending) them at its caps, with a message that says so.
/// </summary>
public sealed class QuestionCapTests(ITestOutputHelper output) : IDisposable
{
    private const string TalkFull = "This talk has reached its limit of";
    private const string PhoneFull = "You have sent the most questions one phone can send in this talk";

    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task The_talk_accepts_its_cap_of_questions_and_refuses_the_next_with_the_limit()
    {
        _factory.Settings["Questions:MaxPerSession"] = "5";

        for (var i = 1; i <= 5; i++)
        {
            await using var phone = await _factory.ConnectAsync(await _factory.GetDeviceCookieAsync());
            var (answer, refusal) = await QuestionRoom.TryAskAsync(phone, $"phone-{i}", $"Question {i} from its own phone?");
            Assert.True(answer is { Status: "sent" }, $"Question {i} of 5 was refused: {refusal}");
        }

        await using var sixth = await _factory.ConnectAsync(await _factory.GetDeviceCookieAsync());
        var (over, message) = await QuestionRoom.TryAskAsync(sixth, "phone-6", "One question too many?");
        Assert.True(over is null, $"The 6th question of a talk capped at 5 was accepted (id {over?.QuestionId}).");
        Assert.Equal("This talk has reached its limit of 5 questions.", message);
        Assert.Equal(5, await QuestionRoom.StoredCountAsync(_factory));
    }

    [Fact]
    public async Task One_phone_stays_capped_over_a_new_connection_while_another_phone_may_still_ask()
    {
        _factory.Settings["Questions:MaxPerDevice"] = "3";
        // The per-phone rate limit (5 a minute) must not be what stops the 4th question here.
        _factory.Settings["AudienceLimits:QuestionsPerDevicePerMinute"] = "100";
        var cookie = await _factory.GetDeviceCookieAsync();

        await using (var first = await _factory.ConnectAsync(cookie))
        {
            for (var i = 1; i <= 3; i++)
            {
                var (answer, refusal) = await QuestionRoom.TryAskAsync(first, $"mine-{i}", $"My question number {i}?");
                Assert.True(answer is { Status: "sent" }, $"Question {i} of 3 was refused: {refusal}");
            }
        }

        await using var again = await _factory.ConnectAsync(cookie);
        var (over, message) = await QuestionRoom.TryAskAsync(again, "mine-4", "And a fourth one?");
        Assert.True(over is null, $"A phone capped at 3 questions got a 4th accepted over a new connection (id {over?.QuestionId}).");
        Assert.Equal("You have sent the most questions one phone can send in this talk (3).", message);

        await using var neighbour = await _factory.ConnectAsync(await _factory.GetDeviceCookieAsync());
        Assert.Equal("sent", (await QuestionRoom.TryAskAsync(neighbour, "other-1", "May I still ask?")).Answer?.Status);
    }

    [Fact]
    public async Task Posts_racing_for_the_last_places_store_exactly_the_cap()
    {
        _factory.Settings["Questions:MaxPerSession"] = "10";
        var phones = new List<HubConnection>();
        for (var i = 0; i < 40; i++)
        {
            phones.Add(await _factory.ConnectAsync(await _factory.GetDeviceCookieAsync()));
        }

        var answers = await Task.WhenAll(phones.Select((phone, i) => QuestionRoom.TryAskAsync(phone, $"race-{i}", $"Racing question {i}?")));

        Assert.Equal(10, answers.Count(a => a.Answer is { Status: "sent" }));
        Assert.All(answers.Where(a => a.Answer is null), a => Assert.Equal("This talk has reached its limit of 10 questions.", a.Refusal));
        Assert.Equal(10, await QuestionRoom.StoredCountAsync(_factory));
        foreach (var phone in phones)
        {
            await phone.DisposeAsync();
        }
    }

    [Fact]
    public async Task One_phone_racing_itself_stores_exactly_its_cap()
    {
        _factory.Settings["Questions:MaxPerDevice"] = "4";
        // Raised so that the cap, not the per-phone rate limit (5 a minute), decides.
        _factory.Settings["AudienceLimits:QuestionsPerDevicePerMinute"] = "100";
        await using var phone = await _factory.ConnectAsync(await _factory.GetDeviceCookieAsync());

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => QuestionRoom.TryAskAsync(phone, $"burst-{i}", $"Burst question {i}?")));

        Assert.Equal(4, answers.Count(a => a.Answer is { Status: "sent" }));
        Assert.All(answers.Where(a => a.Answer is null), a => Assert.Equal("You have sent the most questions one phone can send in this talk (4).", a.Refusal));
        Assert.Equal(4, await QuestionRoom.StoredCountAsync(_factory));
    }

    [Fact]
    public async Task At_the_cap_a_retried_post_gets_its_first_answer_and_a_new_one_is_refused()
    {
        _factory.Settings["Questions:MaxPerSession"] = "3";
        var cookie = await _factory.GetDeviceCookieAsync();
        long firstId;
        await using (var phone = await _factory.ConnectAsync(cookie))
        {
            var (first, refusal) = await QuestionRoom.TryAskAsync(phone, "retry-me", "Will my retry find this?");
            Assert.True(first is { Status: "sent" }, $"The first question was refused: {refusal}");
            firstId = first!.QuestionId;
        }

        for (var i = 0; i < 2; i++)
        {
            await using var other = await _factory.ConnectAsync(await _factory.GetDeviceCookieAsync());
            Assert.Equal("sent", (await QuestionRoom.TryAskAsync(other, $"fill-{i}", $"Filling place {i}?")).Answer?.Status);
        }

        // The phone lost its connection before the answer arrived, and sends the same post again.
        await using var reconnected = await _factory.ConnectAsync(cookie);
        var (retried, retryRefusal) = await QuestionRoom.TryAskAsync(reconnected, "retry-me", "Will my retry find this?");
        Assert.True(retried is not null, $"A retry of an accepted post was refused at the cap: {retryRefusal}");
        Assert.Equal(firstId, retried!.QuestionId);
        Assert.Equal("sent", retried.Status);

        var (fresh, message) = await QuestionRoom.TryAskAsync(reconnected, "new-one", "And a new question?");
        Assert.True(fresh is null, $"A new question past the cap of 3 was accepted (id {fresh?.QuestionId}).");
        Assert.StartsWith(TalkFull, message, StringComparison.Ordinal);
        Assert.Equal(3, await QuestionRoom.StoredCountAsync(_factory));
    }

    /// <summary>
    /// The attack with the shipped settings: 2,000 questions from one address, five from each of 400
    /// made-up phones (the per-phone rate limit allows five at once). Rate limits are left as shipped.
    /// </summary>
    [Fact]
    public async Task A_flood_of_2000_questions_from_one_address_stores_no_more_than_the_talk_s_cap()
    {
        var refusals = new Dictionary<string, int>(StringComparer.Ordinal);
        var accepted = 0;
        for (var wave = 0; wave < 8; wave++)
        {
            var phones = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ => await _factory.ConnectAsync(await _factory.GetDeviceCookieAsync())));
            var answers = await Task.WhenAll(phones.SelectMany((phone, p) => Enumerable.Range(0, 5).Select(q =>
                QuestionRoom.TryAskAsync(phone, $"flood-{wave}-{p}-{q}", QuestionRoom.LongText((wave * 250) + (p * 5) + q)))));
            accepted += answers.Count(a => a.Answer is not null);
            foreach (var refusal in answers.Where(a => a.Refusal is not null).Select(a => a.Refusal!))
            {
                refusals[refusal] = refusals.GetValueOrDefault(refusal) + 1;
            }

            foreach (var phone in phones)
            {
                await phone.DisposeAsync();
            }
        }

        output.WriteLine($"Accepted: {accepted} of 2000");
        foreach (var (message, count) in refusals)
        {
            output.WriteLine($"Refused {count}: {message}");
        }

        var stored = await QuestionRoom.StoredCountAsync(_factory);
        Assert.True(stored <= 1000, $"A flood from one address stored {stored} questions; the talk's cap is 1000.");
        Assert.Equal(accepted, stored);
        Assert.All(refusals.Keys, message => Assert.True(
            message.StartsWith(TalkFull, StringComparison.Ordinal) || message.StartsWith(PhoneFull, StringComparison.Ordinal) || message.Contains("too quickly", StringComparison.Ordinal)
                || message.StartsWith("Too many questions are coming from this network", StringComparison.Ordinal),
            $"A refusal did not say why: {message}"));
    }

    public void Dispose() => _factory.Dispose();
}
