using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Localization;

namespace OpenHealthLive.Web.Pages;

/// <summary>The home page: type a code to join.</summary>
public sealed class IndexModel(LiveSessionService sessions, IStringLocalizer<AudienceText> text) : PageModel
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
            // Core's message is English and exact ("you typed 5"); another language gets the rule in its own words.
            Error = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? error
                : string.IsNullOrWhiteSpace(code) ? text["Home.CodeEmpty"] : text["Home.CodeInvalid"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (await sessions.FindAsync(normalized, cancellationToken) is null)
        {
            Error = text["Home.NotFound", normalized];
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        return Redirect($"/j/{normalized}");
    }
}
