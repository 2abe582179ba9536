using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Live;

public sealed class HubAuthorizationTests : IDisposable
{
    private readonly OpenHealthLiveFactory _factory = new();

    /// <summary>Every hub method the audience may not call, found by reflection so new ones are covered too.</summary>
    public static TheoryData<string> PresenterMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in HubMethods().Where(m => !m.IsDefined(typeof(AllowAudienceAttribute))))
        {
            data.Add(method.Name);
        }

        return data;
    }

    [Fact]
    public void Only_joining_asking_voting_and_reading_questions_and_polls_are_open_to_the_audience()
    {
        var open = HubMethods().Where(m => m.IsDefined(typeof(AllowAudienceAttribute))).Select(m => m.Name).Order().ToArray();

        // A new audience method is a deliberate decision: add it here after checking it leaks nothing.
        // Captions: FollowCaptions and GetCaptions give only lines of slides the room was shown (CaptionHubTests).
        // The pen: GetStrokes gives only strokes of slides the room was shown (PenHubTests).
        Assert.Equal(["AcknowledgeSlide", "AskQuestion", "FollowCaptions", "GetCaptions", "GetMoreQuestions", "GetMyData", "GetPolls", "GetQuestions", "GetStrokes", "JoinSession", "JoinSessionIn", "SetQuestionVote", "SubmitVote"], open);
        Assert.NotEmpty(PresenterMethods());
    }

    [Theory]
    [MemberData(nameof(PresenterMethods))]
    public async Task An_audience_connection_calling_a_presenter_method_is_refused_and_nothing_is_broadcast(string methodName)
    {
        await using var phone = await _factory.ConnectAsync();
        await using var attacker = await _factory.ConnectAsync();
        var watching = new SlideChangeRecorder(phone);
        var before = await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), OpenHealthLiveFactory.DefaultCode);
        await attacker.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), OpenHealthLiveFactory.DefaultCode);

        var method = typeof(LiveHub).GetMethod(methodName)!;
        // A message type (the pen's StrokeInput) has no empty constructor: null, since the refusal comes before any use.
        var arguments = method.GetParameters()
            .Select(p => p.ParameterType == typeof(string) ? OpenHealthLiveFactory.DefaultCode : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)
            .ToArray();
        var error = await Assert.ThrowsAsync<HubException>(() => attacker.InvokeCoreAsync(methodName, method.ReturnType.GenericTypeArguments.FirstOrDefault() ?? typeof(object), arguments));

        Assert.Contains("Only the presenter", error.Message, StringComparison.Ordinal);
        // Nothing moved: the session is where it was, and the next event the phone sees is the presenter's own.
        var after = await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), OpenHealthLiveFactory.DefaultCode);
        Assert.Equal(before.Version, after.Version);
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        var moved = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), OpenHealthLiveFactory.DefaultCode, 4, 0);
        var first = await watching.NextAsync();
        Assert.Equal(moved.Version, first.Version);
        Assert.Equal(before.Version + 1, first.Version);
    }

    [Fact]
    public async Task The_presenter_is_checked_at_every_call_not_only_at_connect()
    {
        var cookie = await _factory.SignInAsync();
        await using var presenter = await _factory.ConnectAsync(cookie);
        var moved = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), OpenHealthLiveFactory.DefaultCode);
        Assert.Equal(1, moved.Slide);

        // The same methods over an anonymous connection fail with a message the client can show.
        await using var phone = await _factory.ConnectAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => phone.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), OpenHealthLiveFactory.DefaultCode));
        Assert.EndsWith(StaffHubFilter.RefusedMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_or_stale_presenter_cookie_gives_no_presenter_rights()
    {
        await using var forged = await _factory.ConnectAsync("ohl.presenter=CfDJ8-forged-value");
        await Assert.ThrowsAsync<HubException>(() => forged.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), OpenHealthLiveFactory.DefaultCode));
    }

    public void Dispose() => _factory.Dispose();

    private static IEnumerable<MethodInfo> HubMethods() =>
        typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)));
}
