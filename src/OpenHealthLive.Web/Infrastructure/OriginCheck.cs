using System.Text;
using Microsoft.Extensions.Options;

namespace OpenHealthLive.Web.Infrastructure;

/// <summary>
/// Refuses hub requests (negotiate, WebSocket, Server-Sent Events, long polling) and form posts that a page on
/// another origin makes from the presenter's browser. The presenter cookie is SameSite=Strict, but "same site"
/// ignores ports and, for an IP address, means the same address: a page served from another port of the venue
/// laptop would otherwise get the cookie sent with its WebSocket, which no CORS rule covers. Allowed: the
/// request's own scheme://host[:port] (as ASP.NET sees it, after trusted forwarded headers only), the origin of
/// <c>PublicAddress:BaseUrl</c>, and <see cref="OriginOptions.AllowedOrigins"/>. A request with no Origin header is
/// not a page in a browser (the .NET SignalR client, curl): it carries only the cookies its sender already has.
/// </summary>
internal static partial class OriginCheck
{
    public static string RefusedMessage(string origin) =>
        $"Refused: a page on another site ({origin}) cannot use OpenHealthLive on your behalf. Open OpenHealthLive at its own address. "
        + "(If this is your own address, the server's operator can allow it with Security:AllowedOrigins.)";

    public static WebApplicationBuilder AddOriginCheck(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OriginOptions>()
            .BindConfiguration(OriginOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        var trusted = new HashSet<string>(services.GetRequiredService<IOptions<OriginOptions>>().Value.AllowedOrigins.Select(Key).OfType<string>(), StringComparer.Ordinal);
        if (services.GetRequiredService<IOptions<PublicAddressOptions>>().Value.BaseUrl is { Length: > 0 } publicBaseUrl
            && Key(new Uri(publicBaseUrl).GetLeftPart(UriPartial.Authority)) is { } publicOrigin)
        {
            trusted.Add(publicOrigin);
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OriginCheck).FullName!);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            var origins = request.Headers.Origin;
            if (origins.Count == 0 || !NeedsCheck(request))
            {
                await next(context);
                return;
            }

            if (origins.Count == 1 && Key(origins[0]) is { } origin
                && (trusted.Contains(origin) || origin == Key($"{request.Scheme}://{request.Host.Value}")))
            {
                await next(context);
                return;
            }

            var shown = Printable(string.Join(", ", origins.ToArray()));
            LogRefused(logger, request.Method, request.Path, shown);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(RefusedMessage(shown), context.RequestAborted);
        });
    }

    /// <summary>
    /// The origin in the form compared, <c>scheme://host:port</c> with the port always written, or null when
    /// <paramref name="value"/> is not an http(s) origin (<c>null</c>, a path, user info, a list).
    /// </summary>
    public static string? Key(string? value)
    {
        if (value is null || value.Length > 256 || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || uri.PathAndQuery != "/" || uri.Fragment.Length > 0)
        {
            return null;
        }

        return $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
    }

    /// <summary>
    /// Every hub request (a WebSocket upgrade is a GET) and every request that can change something. Plain page
    /// loads are left alone: a page on another origin cannot read them, and following a link must keep working.
    /// </summary>
    private static bool NeedsCheck(HttpRequest request) =>
        request.Path.StartsWithSegments(HubPaths.Live, StringComparison.OrdinalIgnoreCase)
        || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));

    private static string Printable(string value)
    {
        var text = new StringBuilder(Math.Min(value.Length, 100));
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, 100)))
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || ":/.-[], ".Contains(c, StringComparison.Ordinal) ? c : '?');
        }

        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a cross-site {Method} {Path} from a page on {Origin}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string origin);
}
