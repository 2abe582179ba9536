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
internal sealed class OpenHealthLiveFactory(IReadOnlyDictionary<string, string?> settings, TimeProvider clock) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // A stop that waits on a stuck connection would turn a restart test into a 30-second one.
        builder.ConfigureServices(services =>
        {
            services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
            services.AddSingleton(clock);
        });
    }
}
