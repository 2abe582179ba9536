using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OpenHealthLive.E2E.Infrastructure;

/// <summary>
/// The app's own <c>Program</c>, configured for a browser test: production environment (so what is tested is
/// what ships, not the developer exception page or the deck watcher) and the settings of one
/// <see cref="AppServer"/>.
/// </summary>
internal sealed class OpenHealthLiveFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);

        // MapStaticAssets reads the build's endpoint manifest (copied beside the test assembly), whose files
        // are in the project's wwwroot and, for the pre-compressed variants, under obj/. Outside Development
        // nothing maps those, and a browser (which asks for gzip) gets 200 with an empty body for
        // /css/site.css and every script. Static web assets, on by default only in Development, map them as
        // `dotnet run` does; a published app needs neither (its files are in its own wwwroot).
        builder.UseStaticWebAssets();
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // A stop that waits on a stuck connection would turn a restart test into a 30-second one.
        builder.ConfigureServices(services => services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5)));
    }
}
