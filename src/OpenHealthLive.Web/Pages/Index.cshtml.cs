using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Web.Pages;

/// <summary>The home page: type a code to join.</summary>
public sealed class IndexModel(LiveSessionService sessions) : PageModel
{
    public string? Code { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        if (code is null)
        {
            return Page();
        }

        Code = code.Length > 12 ? code[..12] : code;
        if (!JoinCode.TryNormalize(code, out var normalized, out var error))
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (await sessions.FindAsync(normalized, cancellationToken) is null)
        {
            Error = $"No talk is using the code {normalized} right now. Check the code on the screen.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        return Redirect($"/j/{normalized}");
    }
}
