using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;
using OpenHealthLive.Web.Tests.Questions;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// An attendee who wants to see what gets past the patient-data guard: identifiers written with unusual
/// separators, put in the name instead of the question, split between the two, or sent as a word-cloud answer;
/// and a look at what the server keeps of them (database, exports, logs).
/// </summary>
public sealed class PatientDataGuardAttackTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private const string WordCloud = "open-health-word";

    private readonly OpenHealthLiveFactory _factory = new();

    public PatientDataGuardAttackTests() => _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";

    [Theory]
    [InlineData("My patient 943•476•5919, what would you do?", null)]
    [InlineData("My patient 943/476/5919, what would you do?", null)]
    [InlineData("Her number is 94 34 76 59 19, is that relevant?", null)]
    [InlineData("Any advice for this one?", "943/476/5919")]
    [InlineData("5919 is the one, what would you do?", "Dr 943•476")]
    [InlineData("Patient hospital nbr K123456, what now?", null)]
    [InlineData("Mum born 3 5 1950, is she high risk?", null)]
    [InlineData("Write to jane@münchen.de for the scans", null)]
    [InlineData("She lives at SW1A-1AA, is travel a problem?", null)]
    public async Task An_identifier_in_the_question_the_name_or_split_between_them_reaches_no_other_phone(string text, string? author)
    {
        await using var presenter = await QnaClient.PresenterAsync(_factory);
        await using var attendee = await QnaClient.PhoneAsync(_factory);
        await using var other = await QnaClient.PhoneAsync(_factory);

        var asked = await attendee.AskAsync(text, author: author);
        var marker = await attendee.AskAsync("Is the recording online later?");
        await other.WaitForAsync<QuestionsChanged>(m => m.Changed.Any(q => q.Id == marker.QuestionId));
        await presenter.WaitForAsync<ModerationChanged>(m => m.Changed.Any(q => q.Id == asked.QuestionId));

        Assert.Equal("held", asked.Status);
        Assert.DoesNotContain(other.Received.Select(r => r.Message).OfType<QuestionsChanged>(), m => m.Changed.Any(q => q.Id == asked.QuestionId));
        Assert.DoesNotContain((await other.QuestionsAsync()).Questions, q => q.Id == asked.QuestionId);
    }

    [Fact]
    public async Task What_the_guard_finds_is_masked_before_it_is_stored_exported_or_logged()
    {
        await using var presenter = await QnaClient.PresenterAsync(_factory);
        await using var attendee = await QnaClient.PhoneAsync(_factory);

        var asked = await attendee.AskAsync("Patient NHS 943•476•5919, born 03/04/1961, mum at jane.doe@nhs.net: what now?", author: "Dr 07700 900123");

        Assert.Equal("held", asked.Status);
        await using (var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Questions.SingleAsync(q => q.Id == asked.QuestionId);
            Assert.Equal("Patient NHS [NHS number ending …919], [date of birth …1961], mum at [e-mail at …net]: what now?", stored.Text);
            Assert.Equal("Dr [phone number ending …123]", stored.Author);
            AssertNoIdentifier(string.Join("\n", stored.Text, stored.Author, stored.HeldReason), "the database");
        }

        // The presenter sees the masked question with the reason, in the console and in the exports.
        var queue = await presenter.ModerationQueueAsync();
        var held = Assert.Single(queue.Questions, q => q.Id == asked.QuestionId);
        Assert.Contains("[NHS number ending …919]", held.Text, StringComparison.Ordinal);
        Assert.Contains("an NHS number with a valid check digit (ending …919)", held.HeldReason, StringComparison.Ordinal);
        var cookie = await _factory.SignInAsync();
        using var client = _factory.CreatePlainClient();
        foreach (var file in new[] { "questions.csv", "questions.json" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/presenter/{Code}/{file}");
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("NHS number ending …919", body, StringComparison.Ordinal);
            AssertNoIdentifier(body, file);
        }

        // The phone that asked sees its own question as it is kept.
        var own = Assert.Single((await attendee.QuestionsAsync()).Own, q => q.Id == asked.QuestionId);
        AssertNoIdentifier(own.Text, "the asker's own list");
        AssertNoIdentifier(_factory.AllLogText, "the logs");
    }

    [Fact]
    public async Task The_presenter_can_edit_a_held_question_and_the_edit_goes_through_the_guard_again()
    {
        await using var presenter = await QnaClient.PresenterAsync(_factory);
        await using var attendee = await QnaClient.PhoneAsync(_factory);
        await using var other = await QnaClient.PhoneAsync(_factory);
        var asked = await attendee.AskAsync("My patient 943 476 5919 has the same finding, what would you do?");

        // An edit that still holds an identifier stays held, masked.
        var edited = await presenter.Connection.InvokeAsync<PresenterQuestion>("EditQuestion", Code, asked.QuestionId, "My patient, MRN 00912345, has the same finding, what would you do?");
        Assert.Equal("held", edited.Status);
        Assert.Equal("My patient, MRN [hospital number ending …345], has the same finding, what would you do?", edited.Text);
        Assert.Contains("hospital number", edited.HeldReason, StringComparison.Ordinal);

        // A clean edit is kept as it is and waits for approval; approved, the room sees the edited text.
        edited = await presenter.Connection.InvokeAsync<PresenterQuestion>("EditQuestion", Code, asked.QuestionId, "A colleague has the same finding: what would you do?");
        Assert.Equal("held", edited.Status);
        Assert.Equal("A colleague has the same finding: what would you do?", edited.Text);
        await presenter.ModerateAsync(asked.QuestionId, "approve");
        await other.WaitForAsync<QuestionsChanged>(m => m.Changed.Any(q => q.Id == asked.QuestionId && q.Text == "A colleague has the same finding: what would you do?"));

        await using var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        Assert.Equal("A colleague has the same finding: what would you do?", (await db.Questions.SingleAsync(q => q.Id == asked.QuestionId)).Text);
    }

    [Fact]
    public async Task A_word_cloud_answer_that_looks_like_an_identifier_is_held_for_the_presenter_and_never_counted_in_public()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await presenter.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        var roomMessages = new List<string>();
        var phones = new List<HubConnection>();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            var phone = await _factory.ConnectPhoneAsync();
            await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
            phone.On<JsonElement>(nameof(ILiveClient.PollResultsChanged), m => { lock (roomMessages) { roomMessages.Add(m.GetRawText()); } });
            phone.On<JsonElement>(nameof(ILiveClient.PollChanged), m => { lock (roomMessages) { roomMessages.Add(m.GetRawText()); } });
            phones.Add(phone);
        }

        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, WordCloud);
        var held = await Vote(phones[0], "943•476•5919");
        await Vote(phones[1], "jane.doe@nhs.net");
        await Vote(phones[2], "SW1A 1AA");
        await Vote(phones[3], "Community");
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ShowPollResults), Code, WordCloud, true);

        // The phone is told, and sees its answer only as it is kept.
        Assert.Contains("held", held.Message, StringComparison.OrdinalIgnoreCase);
        AssertNoIdentifier(JsonSerializer.Serialize(held), "the receipt");

        // The room: only the innocent word is counted, in what is pushed and in what it can ask for.
        var polls = await phones[3].InvokeAsync<AudiencePolls>(nameof(LiveHub.GetPolls), Code);
        var results = polls.Polls.Single(p => p.Id == WordCloud).Results!;
        Assert.Equal(1, results.Voters);
        Assert.Equal(["community"], results.Words.Select(w => w.Word));
        lock (roomMessages)
        {
            Assert.NotEmpty(roomMessages);
            AssertNoIdentifier(string.Join("\n", roomMessages), "the room's messages");
        }

        // The public exports.
        using var anonymous = _factory.CreatePlainClient();
        foreach (var path in new[] { $"/p/{Code}/{WordCloud}.json", $"/p/{Code}/{WordCloud}.csv", $"/p/{Code}/polls.json" })
        {
            using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("community", body, StringComparison.Ordinal);
            AssertNoIdentifier(body, path);
        }

        // The presenter sees the held answers, masked, with the reason.
        var dashboard = await presenter.InvokeAsync<JsonElement>(nameof(LiveHub.GetPollDashboard), Code);
        var poll = dashboard.EnumerateArray().Single(p => p.GetProperty("id").GetString() == WordCloud);
        var heldAnswers = poll.GetProperty("heldAnswers").EnumerateArray().ToList();
        Assert.Equal(3, heldAnswers.Count);
        Assert.Contains(heldAnswers, a => a.GetProperty("text").GetString() == "[NHS number ending …919]" && a.GetProperty("reason").GetString()!.Contains("NHS number", StringComparison.Ordinal));
        AssertNoIdentifier(dashboard.GetRawText(), "the presenter's dashboard");

        // And the database keeps them masked.
        await using var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        AssertNoIdentifier(string.Join("\n", await db.PollVotes.Select(v => v.Answer).ToListAsync()), "the database");

        foreach (var phone in phones)
        {
            await phone.DisposeAsync();
        }
    }

    public void Dispose() => _factory.Dispose();

    private static Task<PollVoteResult> Vote(HubConnection phone, string word) =>
        phone.InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, WordCloud, Guid.NewGuid().ToString("N"), new { text = word });

    /// <summary>None of the identifiers these tests send, in any form they were sent in (digits, separated, the address, the date).</summary>
    private static void AssertNoIdentifier(string? text, string where)
    {
        text ??= string.Empty;
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        foreach (var identifier in new[] { "4765919", "943•476", "943 476", "07700", "900123", "jane.doe", "03/04", "SW1A 1AA", "sw1a 1aa" })
        {
            Assert.False(text.Contains(identifier, StringComparison.OrdinalIgnoreCase), $"{where} holds “{identifier}”: {text}");
        }

        Assert.False(digits.Contains("9434765919", StringComparison.Ordinal), $"{where} holds the NHS number's digits: {text}");
    }
}
