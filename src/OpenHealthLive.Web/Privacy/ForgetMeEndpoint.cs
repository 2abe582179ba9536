using Microsoft.AspNetCore.Http.HttpResults;
using OpenHealthLive.Core.Privacy;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Devices;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Privacy;

/// <summary>
/// <c>POST /j/{code}/forget-me</c>: "Forget me on this phone". The device cookie is the only authority (the phone
/// names nobody, so it can only forget itself); it is rate-limited like a vote and, as every post, refused when a page
/// on another site makes it (<see cref="Infrastructure.OriginCheck"/>). An HTTP post rather than a hub call, because
/// the answer clears the device cookie, which a hub message cannot do.
/// </summary>
internal static class ForgetMeEndpoint
{
    public static async Task<IResult> ForgetAsync(string code, HttpContext http, LiveSessionService sessions, DeviceIdentity devices, HubRateLimits limits, AudienceDataService audienceData)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.CacheControl = "no-store";
        if (await sessions.FindAsync(code, http.RequestAborted) is not { } session)
        {
            return Refused(StatusCodes.Status404NotFound, "Unknown session", RoomRefusals.NoSuchSession(code.Length > 16 ? code[..16] : code), RefusalCodes.UnknownSession);
        }

        if (devices.TryRead(http) is not { } device)
        {
            return Refused(StatusCodes.Status400BadRequest, "No phone to forget",
                $"This browser has not joined the talk through its join page, so the server holds nothing it sent. To use the talk, open /j/{session.Code}.", RoomRefusals.NotJoinedData);
        }

        var decision = limits.TryAcquire(HubRateLimits.Votes, device, http.Connection.RemoteIpAddress?.ToString());
        if (!decision.Allowed)
        {
            http.Response.Headers.RetryAfter = RetryAfter.Header(decision.RetryAfter);
            return Refused(StatusCodes.Status429TooManyRequests, "Too many requests",
                $"Too many requests from this {(decision.Scope == RateLimitScope.Device ? "phone" : "network")}. Wait {RetryAfter.Phrase(decision.RetryAfter)} and try again.",
                decision.Scope == RateLimitScope.Device ? "votes-too-fast" : "votes-busy", RetryAfter.Seconds(decision.RetryAfter));
        }

        AudienceDataCounts deleted;
        try
        {
            deleted = await audienceData.ForgetDeviceAsync(session.Code, device, http.RequestAborted);
        }
        catch (Exception ex) when (ex is StorageUnavailableException || StorageErrors.IsUnavailable(ex))
        {
            return Refused(StatusCodes.Status503ServiceUnavailable, "Not erased yet",
                "Nothing was erased: the server cannot reach its database right now. Try again in a moment.", "not-erased");
        }

        devices.Forget(http);
        var message = deleted.Questions + deleted.QuestionVotes + deleted.PollVotes == 0
            ? "The server held nothing this phone sent in this talk. This phone now has a new anonymous id."
            : "Erased: everything this phone sent in this talk is deleted, and this phone now has a new anonymous id.";
        return TypedResults.Json(new Forgotten(session.Code, deleted.Questions, deleted.QuestionVotes, deleted.PollVotes, message));
    }

    /// <summary>A problem with the refusal's code and numbers beside the English <c>detail</c>, as the hub's refusals carry them (docs/languages.md).</summary>
    private static ProblemHttpResult Refused(int status, string title, string detail, string code, params int[] arguments) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = code, ["arguments"] = arguments });
}
