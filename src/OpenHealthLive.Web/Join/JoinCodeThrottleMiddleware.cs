using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Join;

/// <summary>
/// <see cref="JoinCodeThrottle"/> for HTTP: every route parameter named <c>{code}</c> is a join code (<c>/j/</c>,
/// <c>/api/sessions/</c>, <c>/p/</c>, <c>/presenter/</c>), and so is the home page's <c>?code=</c>. The lookup is
/// made here, before the endpoint, so that a refused one is never made; the endpoint then finds the session in
/// the cache, or answers the unknown code as it always has.
/// </summary>
internal static class JoinCodeThrottleMiddleware
{
    public static IApplicationBuilder UseJoinCodeThrottle(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (CodeOf(http) is not { } typed)
        {
            await next(http);
            return;
        }

        var throttle = http.RequestServices.GetRequiredService<JoinCodeThrottle>();
        var address = ClientAddress.Key(http.Connection.RemoteIpAddress);
        var presenter = PresenterAuthentication.IsPresenter(http.User);
        var code = JoinCode.TryNormalize(typed, out var normalized, out _) ? normalized : null;
        if (!presenter && throttle.Check(address, connection: null, code) is { } refusal)
        {
            await RefuseAsync(http, refusal);
            return;
        }

        if (code is not null && await http.RequestServices.GetRequiredService<LiveSessionService>().FindAsync(code, http.RequestAborted) is not null)
        {
            throttle.Succeeded(address, connection: null, code);
        }
        else if (!presenter)
        {
            throttle.Failed(address, connection: null);
        }

        await next(http);
    });

    private static string? CodeOf(HttpContext http)
    {
        if (http.Request.RouteValues.TryGetValue("code", out var value))
        {
            return value as string;
        }

        // The home page's form: GET /?code=...
        return http.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is { ViewEnginePath: "/Index", AreaName: null }
            && http.Request.Query["code"] is [{ Length: > 0 } typed]
            ? typed
            : null;
    }

    private static async Task RefuseAsync(HttpContext http, JoinCodeThrottle.Refusal refusal)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(refusal.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (http.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        {
            // A page: the status page explains, in the site's layout.
            JoinCodeThrottle.ShowOnStatusPage(http, refusal);
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong codes", detail: refusal.Message).ExecuteAsync(http);
    }
}
