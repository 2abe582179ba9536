using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>Exchanges the presenter key for an HttpOnly cookie. The key is posted, never put in a URL.</summary>
public sealed class SignInModel(PresenterKeyStore keys, SignInThrottle throttle) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the presenter key.")]
    [StringLength(512, ErrorMessage = "That is longer than any presenter key.")]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!throttle.TryAttempt(HttpContext.Connection.RemoteIpAddress?.ToString(), out var retryAfter))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Error = $"Too many sign-in attempts from this address. Wait {Math.Ceiling(retryAfter.TotalSeconds):0} seconds and try again.";
            return Page();
        }

        if (!ModelState.IsValid)
        {
            Error = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!keys.Verify(Key))
        {
            Error = "That is not the presenter key. It was shown once in the server's log on its first start, or set as Presenter:Key.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignInAsync(PresenterAuthentication.Scheme, PresenterAuthentication.CreatePrincipal(keys.Generation));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/presenter");
    }
}
