namespace OpenHealthLive.Web.Infrastructure;

/// <summary>
/// Headers on every response. Scripts and styles come only from this site (no inline script, no third
/// party), pages cannot be framed, and phones send no referrer to any other site.
/// </summary>
/// <remarks>
/// The referrer policy is <c>same-origin</c>, not <c>no-referrer</c>: under <c>no-referrer</c> a browser sends
/// <c>Origin: null</c> with the site's own form posts (Fetch, "append a request Origin header"), which the
/// cross-site check (<see cref="OriginCheck"/>) cannot tell from an attacker's sandboxed page.
/// </remarks>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; manifest-src 'self'; worker-src 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
