using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenHealthLive.Web.Join;

namespace OpenHealthLive.Web.Pages;

/// <summary>Friendly pages for error status codes (re-executed by the status-code-pages middleware).</summary>
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "Please try again in a moment.";

    // Named "status", not "code": a route parameter named {code} is a join code (JoinCodeThrottleMiddleware).
    public void OnGet(int status)
    {
        (Title, Explanation) = status switch
        {
            404 => ("Not found", "There is nothing at this address. If you typed it from a screen, check it once more."),
            403 => ("Not allowed", "This page is for the presenter."),
            429 => ("Slow down", JoinCodeThrottle.RefusalShown(HttpContext) ?? "Too many requests from this network; wait a minute and try again."),
            _ => (Title, Explanation),
        };
    }
}
