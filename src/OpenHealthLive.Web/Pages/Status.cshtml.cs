using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenHealthLive.Web.Join;
using OpenHealthLive.Web.Localization;

namespace OpenHealthLive.Web.Pages;

/// <summary>Friendly pages for error status codes (re-executed by the status-code-pages middleware), in the phone's language.</summary>
public sealed class StatusModel(IStringLocalizer<AudienceText> text) : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    // Named "status", not "code": a route parameter named {code} is a join code (JoinCodeThrottleMiddleware).
    public void OnGet(int status)
    {
        (Title, Explanation) = status switch
        {
            404 => (text["Status.NotFound"].Value, text["Status.NotFoundText"].Value),
            403 => (text["Status.NotAllowed"].Value, text["Status.NotAllowedText"].Value),
            429 => (text["Status.SlowDown"].Value, JoinCodeThrottle.RefusalShown(HttpContext) ?? text["Status.TooMany"].Value),
            _ => (text["Error.Title"].Value, text["Status.TryAgain"].Value),
        };
    }
}
