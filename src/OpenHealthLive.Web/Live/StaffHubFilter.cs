using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// Checks every hub invocation, not just the connection: a method without <see cref="AllowAudienceAttribute"/> runs
/// only for a signed-in member of staff who may do what its <see cref="StaffAttribute"/> names on the session its
/// <c>code</c> argument names (a method with neither attribute is the organiser's), and whose sign-in is still live
/// (not signed out on any node, its link not revoked, not expired). Anyone else gets a clear error. Staff
/// connections are kept per sign-in, so that ending a sign-in closes them (<see cref="PresenterConnections"/>).
/// </summary>
internal sealed class StaffHubFilter(PresenterSignIns signIns, PresenterConnections connections) : IHubFilter
{
    public const string RefusedMessage = "Only the presenter can do this. Sign in at /presenter/sign-in on this device first.";

    public const string SignInEndedMessage = "Your presenter sign-in has ended (signed out, possibly on another device, or expired). Sign in again at /presenter/sign-in.";

    // Every phone calls the hub at every slide change (AcknowledgeSlide): the attributes are read once per method, not per call.
    private static readonly ConcurrentDictionary<MethodInfo, Requirement> Requirements = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var requirement = Requirements.GetOrAdd(invocationContext.HubMethod, Requirement.Of);
        if (requirement.Audience)
        {
            return await next(invocationContext);
        }

        var context = invocationContext.Context;
        if (StaffMember.Of(context.User) is not { } member)
        {
            throw HubRefusal.Create(HubRefusal.NotPresenter, RefusedMessage);
        }

        var code = requirement.CodeArgument is { } index ? invocationContext.HubMethodArguments[index] as string : null;
        if (requirement.Permission is not { } permission ? member.Role != StaffRole.Organiser : !member.Can(permission, code))
        {
            throw HubRefusal.Create(HubRefusal.NotAllowed, NotAllowedMessage(member, requirement.Permission));
        }

        // The user was read from the cookie when the connection opened; the sign-in may have ended since.
        if (!await signIns.IsLiveAsync(member.SignInId, context.ConnectionAborted))
        {
            throw HubRefusal.Create(HubRefusal.SignInEnded, SignInEndedMessage);
        }

        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var caller = context.Context;
        if (StaffMember.Of(caller.User)?.SignInId is { } signIn)
        {
            connections.Add(caller, signIn);
        }

        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        connections.Remove(context.Context.ConnectionId);
        await next(context, exception);
    }

    /// <summary>What a member of staff is told when their role does not allow a call.</summary>
    internal static string NotAllowedMessage(StaffMember member, StaffRight? permission)
    {
        ArgumentNullException.ThrowIfNull(member);
        var who = $"You are signed in as the {StaffMember.Name(member.Role)} of session {member.SessionCode}";
        return permission switch
        {
            // The role could do it on its own session: it is the session that is wrong.
            { } right when member.Can(right, member.SessionCode) => $"{who}, not of this session.",
            StaffRight.Drive => $"{who}: moving the slides, the timer and the projector are for the speaker, and so is ending the talk.",
            StaffRight.Caption => $"{who}: the captions are written by the captioner, the speaker and the organiser.",
            StaffRight.See or StaffRight.Moderate when member.Role == StaffRole.Captioner =>
                $"{who}: the caption console is yours; the questions, the polls and what the room has not been shown are for the speaker and the moderator.",
            _ => $"{who}: this is for the organiser.",
        };
    }

    private sealed record Requirement(bool Audience, StaffRight? Permission, int? CodeArgument)
    {
        public static Requirement Of(MethodInfo method)
        {
            var code = Array.FindIndex(method.GetParameters(), p => p.Name == "code" && p.ParameterType == typeof(string));
            return new(Attribute.IsDefined(method, typeof(AllowAudienceAttribute)),
                (Attribute.GetCustomAttribute(method, typeof(StaffAttribute)) as StaffAttribute)?.Permission,
                code < 0 ? null : code);
        }
    }
}
