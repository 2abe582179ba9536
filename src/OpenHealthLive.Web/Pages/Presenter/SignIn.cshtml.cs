using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>
/// Exchanges the presenter key for an HttpOnly cookie naming a recorded sign-in. The key is read from the posted
/// form only: one in the address is refused unchecked, since addresses end up in logs and browser history.
/// </summary>
public sealed class SignInModel(
    PresenterKeyStore keys, SignInThrottle throttle, KnownPresenterDevices devices, PresenterSignIns signIns, IOptions<PresenterOptions> options) : PageModel
{
    public const string KeyInAddressMessage =
        "The presenter key was in the page address, where browsers keep it in their history and servers and proxies log it, so it was not checked. " +
        "Type it into the form below instead, and if that address was shared or saved, change the key.";

    [BindProperty]
    [FromForm(Name = nameof(Key))]
    [Required(ErrorMessage = "Enter the presenter key.")]
    [StringLength(512, ErrorMessage = "That is longer than any presenter key.")]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
        if (KeyInAddress())
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = KeyInAddressMessage;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (KeyInAddress())
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Error = KeyInAddressMessage;
            return Page();
        }

        var attempt = throttle.TryAttempt(HttpContext.Connection.RemoteIpAddress, devices.Read(Request));
        if (!attempt.Allowed)
        {
            var seconds = ((int)Math.Ceiling(attempt.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds;
            Error = attempt.Refusal switch
            {
                SignInRefusal.Device => $"Too many sign-in attempts from this device. Wait {seconds} seconds and try again.",
                SignInRefusal.Global => $"Too many wrong presenter keys have been tried on this server in the last minute. Wait {seconds} seconds and try again. " +
                    "A device that has signed in here before is not held back.",
                _ => $"Too many sign-in attempts from this network address. Wait {seconds} seconds and try again. " +
                    "A device that has signed in here before is not held back by others on the same network.",
            };
            return Page();
        }

        if (!ModelState.IsValid)
        {
            throttle.NotAFailure(attempt);
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

        throttle.NotAFailure(attempt);
        string signIn;
        try
        {
            signIn = await signIns.StartAsync(options.Value.SignInLifetime, cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException || StorageErrors.IsUnavailable(ex))
        {
            Error = "The key is right, but the server cannot record the sign-in: its database is not answering. Try again in a moment.";
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        await HttpContext.SignInAsync(PresenterAuthentication.Scheme, PresenterAuthentication.CreatePrincipal(keys.Generation, signIn));
        devices.Remember(HttpContext);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/presenter");
    }

    private bool KeyInAddress() => Request.Query.Keys.Any(name => string.Equals(name, nameof(Key), StringComparison.OrdinalIgnoreCase));
}
