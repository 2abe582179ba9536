using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// The presenter signs in once with the key and gets an HttpOnly cookie; pages, the hub and exports check
/// the cookie's role claim.
/// </summary>
public static class PresenterAuthentication
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Policy = "Presenter";
    public const string Role = "presenter";
    public const string KeyGenerationClaim = "ohl:key-generation";
    public const string CookieName = "ohl.presenter";

    public static bool IsPresenter(ClaimsPrincipal? user) => user?.IsInRole(Role) ?? false;

    public static ClaimsPrincipal CreatePrincipal(string keyGeneration) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "Presenter"), new Claim(ClaimTypes.Role, Role), new Claim(KeyGenerationClaim, keyGeneration)], Scheme));

    internal static WebApplicationBuilder AddPresenter(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PresenterOptions>()
            .BindConfiguration(PresenterOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PresenterKeyStore>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddHostedService<PresenterKeyAnnouncer>();

        builder.Services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            // Plain HTTP on a venue LAN must work, so the cookie is Secure only when the request is.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/presenter/sign-in";
            cookie.AccessDeniedPath = "/presenter/sign-in";
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = context =>
            {
                var keys = context.HttpContext.RequestServices.GetRequiredService<PresenterKeyStore>();
                if (context.Principal?.FindFirstValue(KeyGenerationClaim) != keys.Generation)
                {
                    context.RejectPrincipal();
                    return context.HttpContext.SignOutAsync(Scheme);
                }

                return Task.CompletedTask;
            };
        });
        builder.Services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<Microsoft.Extensions.Options.IOptions<PresenterOptions>>((cookie, presenter) => cookie.ExpireTimeSpan = presenter.Value.SignInLifetime);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.RequireRole(Role));
        return builder;
    }
}
