using System.Globalization;
using OpenHealthLive.Core.Privacy;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Devices;
using OpenHealthLive.Web.Live;

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
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown session", detail: LiveHub.NoSuchSession(code.Length > 16 ? code[..16] : code));
        }

        if (devices.TryRead(http) is not { } device)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No phone to forget",
                detail: $"This browser has not joined the talk through its join page, so the server holds nothing it sent. To use the talk, open /j/{session.Code}.");
        }

        var decision = limits.TryAcquire(HubRateLimits.Votes, device, http.Connection.RemoteIpAddress?.ToString());
        if (!decision.Allowed)
        {
            var wait = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"Too many requests from this {(decision.Scope == RateLimitScope.Device ? "phone" : "network")}. Wait {(wait == 1 ? "1 second" : $"{wait} seconds")} and try again.");
        }

        AudienceDataCounts deleted;
        try
        {
            deleted = await audienceData.ForgetDeviceAsync(session.Code, device, http.RequestAborted);
        }
        catch (Exception ex) when (ex is StorageUnavailableException || StorageErrors.IsUnavailable(ex))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not erased yet",
                detail: "Nothing was erased: the server cannot reach its database right now. Try again in a moment.");
        }

        devices.Forget(http);
        var message = deleted.Questions + deleted.QuestionVotes + deleted.PollVotes == 0
            ? "The server held nothing this phone sent in this talk. This phone now has a new anonymous id."
            : "Erased: everything this phone sent in this talk is deleted, and this phone now has a new anonymous id.";
        return TypedResults.Json(new Forgotten(session.Code, deleted.Questions, deleted.QuestionVotes, deleted.PollVotes, message));
    }
}
