using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenHealthLive.Web.Pages;

/// <summary>Friendly pages for error status codes (re-executed by the status-code-pages middleware).</summary>
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "Please try again in a moment.";

    public void OnGet(int code)
    {
        (Title, Explanation) = code switch
        {
            404 => ("Not found", "There is nothing at this address. If you typed it from a screen, check it once more."),
            403 => ("Not allowed", "This page is for the presenter."),
            429 => ("Slow down", "Too many requests from this network; wait a minute and try again."),
            _ => (Title, Explanation),
        };
    }
}
