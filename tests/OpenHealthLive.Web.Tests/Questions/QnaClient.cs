using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Questions;

namespace OpenHealthLive.Web.Tests.Questions;

/// <summary>A hub connection that records every Q&amp;A message it receives, raw, so tests can check what it was never sent.</summary>
public sealed class QnaClient : IAsyncDisposable
{
    private QnaClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<QuestionsChanged>(nameof(ILiveClient.QuestionsChanged), m => Record(nameof(ILiveClient.QuestionsChanged), m));
        connection.On<ModerationChanged>(nameof(ILiveClient.ModerationChanged), m => Record(nameof(ILiveClient.ModerationChanged), m));
        connection.On<QnaSettingsChanged>(nameof(ILiveClient.QnaSettingsChanged), m => Record(nameof(ILiveClient.QnaSettingsChanged), m));
        connection.On<BlockedDevicesChanged>(nameof(ILiveClient.BlockedDevicesChanged), m => Record(nameof(ILiveClient.BlockedDevicesChanged), m));
    }

    public HubConnection Connection { get; }

    public ConcurrentQueue<(string Event, object Message)> Received { get; } = new();

    /// <summary>Everything received, as the JSON the client got.</summary>
    public string ReceivedJson => string.Join('\n', Received.Select(r => JsonSerializer.Serialize(r.Message, r.Message.GetType())));

    public static async Task<QnaClient> PhoneAsync(Infrastructure.OpenHealthLiveFactory factory, string code = Infrastructure.OpenHealthLiveFactory.DefaultCode)
    {
        var client = new QnaClient(await factory.ConnectPhoneAsync());
        await client.Connection.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), code);
        return client;
    }

    public static async Task<QnaClient> PresenterAsync(Infrastructure.OpenHealthLiveFactory factory, string code = Infrastructure.OpenHealthLiveFactory.DefaultCode) =>
        await StaffAsync(factory, await factory.SignInAsync(), code);

    /// <summary>A staff device signed in with <paramref name="cookie"/> (the key's, or a speaker's or moderator's link).</summary>
    public static async Task<QnaClient> StaffAsync(Infrastructure.OpenHealthLiveFactory factory, string cookie, string code = Infrastructure.OpenHealthLiveFactory.DefaultCode)
    {
        var client = new QnaClient(await factory.ConnectAsync(cookie));
        await client.Connection.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), code);
        return client;
    }

    /// <summary>A phone with the device cookie <paramref name="cookie"/>: the same phone as every other connection with it.</summary>
    public static async Task<QnaClient> PhoneWithCookieAsync(Infrastructure.OpenHealthLiveFactory factory, string cookie, string code = Infrastructure.OpenHealthLiveFactory.DefaultCode)
    {
        var client = new QnaClient(await factory.ConnectAsync(cookie));
        await client.Connection.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), code);
        return client;
    }

    public Task<AskQuestionResult> AskAsync(string text, string? clientId = null, string? author = null, string code = Infrastructure.OpenHealthLiveFactory.DefaultCode) =>
        Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), code, clientId ?? Guid.NewGuid().ToString("N"), text, author);

    public Task<QuestionVoteResult> VoteAsync(long id, bool up = true) =>
        Connection.InvokeAsync<QuestionVoteResult>(nameof(LiveHub.SetQuestionVote), Infrastructure.OpenHealthLiveFactory.DefaultCode, id, up);

    public Task<AudienceQna> QuestionsAsync() =>
        Connection.InvokeAsync<AudienceQna>(nameof(LiveHub.GetQuestions), Infrastructure.OpenHealthLiveFactory.DefaultCode);

    public Task<PresenterQna> ModerationQueueAsync() =>
        Connection.InvokeAsync<PresenterQna>(nameof(LiveHub.GetModerationQueue), Infrastructure.OpenHealthLiveFactory.DefaultCode);

    public Task<PresenterQuestion?> ModerateAsync(long id, string action) =>
        Connection.InvokeAsync<PresenterQuestion?>(nameof(LiveHub.ModerateQuestion), Infrastructure.OpenHealthLiveFactory.DefaultCode, id, action);

    /// <summary>Waits until a received message satisfies <paramref name="condition"/>; fails after 10 s.</summary>
    public async Task WaitForAsync<T>(Func<T, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!Received.Select(r => r.Message).OfType<T>().Any(condition))
        {
            await Task.Delay(25, timeout.Token);
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private void Record(string name, object message) => Received.Enqueue((name, message));
}
