using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenHealthLive.Web.Tests.ScaleOut;

/// <summary>
/// Two nodes behind one address, on PostgreSQL and Redis (real servers, started by the fixture). Each test
/// starts a session of its own, so they do not depend on one another.
/// </summary>
public sealed class ClusterTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    [ScaleOutFact]
    public async Task A_presenter_on_one_node_is_followed_by_phones_on_both()
    {
        var code = await NewSessionAsync();
        await using var presenter = await cluster.A.ConnectAsync(await cluster.A.SignInAsync());
        await using var phoneA = await cluster.A.ConnectPhoneAsync();
        await using var phoneB = await cluster.B.ConnectPhoneAsync();
        var onA = new SlideChangeRecorder(phoneA);
        var onB = new SlideChangeRecorder(phoneB);
        await phoneA.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), code);
        await phoneB.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), code);

        var moved = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), code);
        Assert.Equal(moved.Version, (await onA.NextAsync()).Version);
        Assert.Equal(moved.Version, (await onB.NextAsync()).Version);

        // The poll of that slide is opened on node A, before node C exists.
        await presenter.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), code);
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), code, "pillar-most");

        // A node that starts late (or restarts) reads the position and the open poll from the database.
        await using var late = new ClusterNode("C", cluster.Postgres, cluster.Redis);
        await late.StartAsync();
        await using var phoneC = await late.ConnectPhoneAsync();
        var joined = await phoneC.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), code);
        Assert.Equal(moved.Version, joined.Version);
        Assert.Equal(moved.Slide, joined.Slide);
        var polls = await phoneC.InvokeAsync<AudiencePolls>(nameof(LiveHub.GetPolls), code);
        Assert.Contains(polls.Polls, p => p.Id == "pillar-most" && p.IsOpen);
    }

    [ScaleOutFact]
    public async Task Questions_and_votes_from_both_nodes_count_once_and_moderation_on_one_shows_on_the_other()
    {
        var code = await NewSessionAsync();
        await using var presenterB = await cluster.B.ConnectAsync(await cluster.A.SignInAsync());
        await presenterB.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), code);
        await using var phoneA = await cluster.A.ConnectPhoneAsync();
        await using var phoneB = await cluster.B.ConnectPhoneAsync();
        var removedOnA = new TaskCompletionSource<long>();
        phoneA.On<QuestionsChanged>(nameof(ILiveClient.QuestionsChanged), m =>
        {
            foreach (var id in m.Removed)
            {
                removedOnA.TrySetResult(id);
            }
        });
        await phoneA.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), code);
        await phoneB.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), code);

        var fromA = await phoneA.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), code, "a-1", "Asked through node A?", null);
        var fromB = await phoneB.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), code, "b-1", "Asked through node B?", null);
        // A retry through the same node changes nothing.
        await phoneA.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), code, "a-1", "Asked through node A?", null);
        await phoneA.InvokeAsync<QuestionVoteResult>(nameof(LiveHub.SetQuestionVote), code, fromB.QuestionId, true);
        var votes = await phoneB.InvokeAsync<QuestionVoteResult>(nameof(LiveHub.SetQuestionVote), code, fromB.QuestionId, true);
        Assert.Equal(2, votes.Votes);

        var queue = await presenterB.InvokeAsync<PresenterQna>(nameof(LiveHub.GetModerationQueue), code);
        Assert.Equal(2, queue.Questions.Count);
        Assert.Equal(2, queue.Questions.Single(q => q.Id == fromB.QuestionId).Votes);

        // Poll votes through both nodes: one count each, whichever node tallies.
        await presenterB.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), code, "pillar-most");
        await phoneA.InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), code, "pillar-most", "va", new { option = 1 });
        await phoneB.InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), code, "pillar-most", "vb", new { option = 1 });
        await phoneB.InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), code, "pillar-most", "vb", new { option = 1 });
        foreach (var node in new[] { cluster.A, cluster.B })
        {
            var results = await WaitForAsync(async () => (await node.Services.GetRequiredService<OpenHealthLive.Core.Polls.PollService>().ResultsAsync(code, "pillar-most", CancellationToken.None)), r => r.Voters == 2);
            Assert.Equal(2, results.Options[1].Count);
        }

        // Moderation through node B reaches a phone on node A.
        await presenterB.InvokeAsync<PresenterQuestion?>(nameof(LiveHub.ModerateQuestion), code, fromA.QuestionId, "hide");
        Assert.Equal(fromA.QuestionId, await removedOnA.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var seenOnA = await phoneA.InvokeAsync<AudienceQna>(nameof(LiveHub.GetQuestions), code);
        Assert.DoesNotContain(seenOnA.Questions, q => q.Id == fromA.QuestionId);
    }

    [ScaleOutFact]
    public async Task With_Redis_down_for_30_seconds_every_phone_converges_on_the_current_slide_soon_after_it_returns()
    {
        var code = await NewSessionAsync();
        await using var presenter = await cluster.A.ConnectAsync(await cluster.A.SignInAsync());
        var phones = new List<(HubConnection Connection, SlideChangeRecorder Slides, ClusterNode Node)>();
        var rejoins = new System.Collections.Concurrent.ConcurrentBag<Task>();
        foreach (var node in new[] { cluster.A, cluster.B, cluster.A, cluster.B })
        {
            var phone = await node.ConnectPhoneAsync();
            var slides = new SlideChangeRecorder(phone);
            long shown = (await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), code)).Version;
            // What a phone shows: the newest version it has received, as the page keeps it; a heartbeat newer
            // than that makes it join again, exactly as audience.js does.
            phone.On<SlideState>(nameof(ILiveClient.SlideChanged), s => Interlocked.Exchange(ref shown, Math.Max(s.Version, Interlocked.Read(ref shown))));
            phone.On<StateHeartbeat>(nameof(ILiveClient.StateHeartbeat), h =>
            {
                if (h.Version > Interlocked.Read(ref shown))
                {
                    // Not awaited here: the .NET client runs handlers one at a time, so an invocation awaited inside
                    // one could never see its answer. (The browser's client has no such limit.)
                    rejoins.Add(Task.Run(async () =>
                    {
                        try
                        {
                            var state = await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), code);
                            Interlocked.Exchange(ref shown, Math.Max(state.Version, Interlocked.Read(ref shown)));
                            slides.Push(state);
                        }
                        catch (HubException)
                        {
                            // Redis still away: the next heartbeat tries again.
                        }
                    }));
                }
            });
            phones.Add((phone, slides, node));
        }

        await cluster.Redis.StopAsync();
        var down = Stopwatch.StartNew();
        SlideState last;
        try
        {
            // The talk goes on while Redis is away: the presenter's node still moves its own phones, and every
            // node keeps answering its phones' calls.
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), code);
            last = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), code);
            foreach (var (connection, slides, node) in phones)
            {
                Assert.NotNull(await connection.InvokeAsync<AudienceQna>(nameof(LiveHub.GetQuestions), code));
                if (node == cluster.A)
                {
                    await slides.WaitForVersionAsync(last.Version, TimeSpan.FromSeconds(5));
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(30) - down.Elapsed);
        }
        finally
        {
            await cluster.Redis.StartAsync();
        }

        var back = Stopwatch.StartNew();

        var converged = new List<double>();
        foreach (var (_, slides, node) in phones)
        {
            await slides.WaitForVersionAsync(last.Version, TimeSpan.FromSeconds(20));
            converged.Add(back.Elapsed.TotalSeconds);
        }

        output.WriteLine($"Redis down {down.Elapsed.TotalSeconds:0.0} s; every phone on version {last.Version} within {converged.Max():0.0} s of Redis returning (per phone: {string.Join(", ", converged.Select(c => c.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))} s).");
        Assert.True(converged.Max() <= 10, $"Phones converged {converged.Max():0.0} s after Redis returned; the target is 10 s.");

        // And the talk goes on across nodes: the next change reaches every phone again.
        var next = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), code);
        var afterwards = Stopwatch.StartNew();
        foreach (var (_, slides, _) in phones)
        {
            await slides.WaitForVersionAsync(next.Version, TimeSpan.FromSeconds(10));
        }

        output.WriteLine($"The first change after Redis returned reached every phone in {afterwards.Elapsed.TotalSeconds:0.0} s.");
        foreach (var (connection, _, _) in phones)
        {
            await connection.DisposeAsync();
        }
    }

    [ScaleOutFact]
    public async Task While_PostgreSQL_restarts_writes_get_a_clear_error_and_nothing_acknowledged_is_lost()
    {
        var code = await NewSessionAsync();
        await using var phone = await cluster.A.ConnectPhoneAsync();
        await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), code);
        var acknowledged = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            acknowledged.Add((await phone.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), code, $"before-{i}", $"Before the restart {i}?", null)).QuestionId);
        }

        await cluster.Postgres.StopAsync();
        try
        {
            var error = await Assert.ThrowsAsync<HubException>(() => phone.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), code, "during-0", "During the outage?", null));
            output.WriteLine("During the outage: " + error.Message);
            Assert.Contains("Not saved yet", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await cluster.Postgres.StartAsync();
        }

        // The phone retries with the same id, as the page does, until it is stored.
        var retried = await WaitForAsync(
            async () =>
            {
                try
                {
                    return await phone.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), code, "during-0", "During the outage?", null);
                }
                catch (HubException)
                {
                    return null;
                }
            },
            r => r is not null);
        acknowledged.Add(retried!.QuestionId);

        // Both nodes report ready again (a real query each: the first one on a dead pooled connection empties the
        // pool), as a load balancer's health check would see them.
        foreach (var node in new[] { cluster.A, cluster.B })
        {
            using var http = node.CreateHttp();
            var ready = await WaitForAsync(
                async () =>
                {
                    using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                    return response.StatusCode;
                },
                s => s == System.Net.HttpStatusCode.OK);
            Assert.Equal(System.Net.HttpStatusCode.OK, ready);
        }

        await using var presenter = await cluster.B.ConnectAsync(await cluster.B.SignInAsync());
        var stored = await presenter.InvokeAsync<PresenterQna>(nameof(LiveHub.GetModerationQueue), code);
        Assert.Equal(acknowledged.Order(), stored.Questions.Select(q => q.Id).Order());
    }

    [ScaleOutFact]
    public async Task Signing_out_on_one_node_closes_that_sign_ins_hub_connection_on_the_other_within_seconds()
    {
        var code = await NewSessionAsync();
        using var laptop = new Security.Browser(cluster.A.CreateHttp());
        using (var signIn = await laptop.SignInAsync(OpenHealthLiveFactory.PresenterKey))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        }

        // A console on node B, without automatic reconnect so that the server closing it shows.
        await using var onB = new HubConnectionBuilder()
            .WithUrl(new Uri(cluster.B.BaseUrl, "hubs/live"), options =>
            {
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.Headers["Cookie"] = laptop.Cookie("ohl.presenter")!;
            })
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        onB.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await onB.StartAsync();
        await onB.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), code);

        var clock = Stopwatch.StartNew();
        using (var signOut = await laptop.SignOutAsync())
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signOut.StatusCode);
        }

        Assert.True(await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(15))) == closed.Task, "Node B kept the signed-out console connected.");
        output.WriteLine($"Signed out on node A; node B closed the console's connection {clock.Elapsed.TotalSeconds:0.0} s later.");
    }

    [ScaleOutFact]
    public async Task The_Q_and_A_controls_set_through_one_node_hold_for_a_phone_on_the_other()
    {
        var code = await NewSessionAsync();
        await using var moderatorB = await cluster.B.ConnectAsync(await cluster.B.SignInAsync());
        await moderatorB.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), code);
        string cookie;
        using (var http = cluster.A.CreateHttp())
        using (var page = await http.GetAsync($"/j/{code}"))
        {
            cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.device=", StringComparison.Ordinal)).Split(';')[0];
        }

        await using var onA = await cluster.A.ConnectAsync(cookie);
        await using var sameOnB = await cluster.B.ConnectAsync(cookie);
        await onA.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), code);
        Task<AskQuestionResult> Ask(HubConnection through, string text) =>
            through.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), code, Guid.NewGuid().ToString("N"), text, null);

        await moderatorB.InvokeAsync<QnaSettingsChanged>("SetQuestionsOpen", code, false);
        var closed = await Assert.ThrowsAsync<HubException>(() => Ask(onA, "Closed through node B?"));
        Assert.Contains("Questions are closed", closed.Message, StringComparison.Ordinal);
        Assert.False((await onA.InvokeAsync<AudienceQna>(nameof(LiveHub.GetQuestions), code)).QuestionsOpen);

        await moderatorB.InvokeAsync<QnaSettingsChanged>("SetQuestionsOpen", code, true);
        await moderatorB.InvokeAsync<QnaSettingsChanged>("SetSlowMode", code, 600);
        var asked = await Ask(onA, "Asked through node A?");
        var slow = await Assert.ThrowsAsync<HubException>(() => Ask(sameOnB, "And again through node B?"));
        Assert.Contains("Slow mode: one question every 10 minutes", slow.Message, StringComparison.Ordinal);

        await moderatorB.InvokeAsync<QnaSettingsChanged>("SetSlowMode", code, 0);
        await moderatorB.InvokeAsync<BlockedDevicesChanged>("BlockDevice", code, asked.QuestionId);
        var blocked = await Assert.ThrowsAsync<HubException>(() => Ask(onA, "Blocked through node B?"));
        Assert.Contains("Too many questions are coming from this network right now.", blocked.Message, StringComparison.Ordinal);
    }

    private async Task<string> NewSessionAsync() =>
        (await cluster.A.Services.GetRequiredService<LiveSessionService>().StartAsync("open-healthcare", CancellationToken.None)).Code;

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                return value;
            }

            await Task.Delay(200);
        }
    }
}
