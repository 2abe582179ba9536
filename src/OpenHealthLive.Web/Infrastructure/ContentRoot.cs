using System.Reflection;

namespace OpenHealthLive.Web.Infrastructure;

/// <summary>
/// Where the app's own files are (appsettings.json, the default <c>App_Data</c>, the decks), whichever folder
/// it is started from. ASP.NET Core's default is the working directory: started as
/// <c>dotnet /srv/ohl/OpenHealthLive.Web.dll</c> from anywhere else, the app would run without its settings
/// (request logging that writes connection tokens, static files re-compressed per request and mislabelled).
/// </summary>
internal static class ContentRoot
{
    /// <summary>Assembly metadata, written by the build: the project folder the app was built from.</summary>
    public const string ProjectDirectoryKey = "OpenHealthLive.ProjectDirectory";

    public const string SettingsFile = "appsettings.json";

    /// <summary>
    /// The content root for <see cref="WebApplicationOptions.ContentRootPath"/>, or null when the command line or
    /// the environment names one (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>; the test hosts do): then
    /// the host uses that.
    /// </summary>
    public static string? Resolve(string[] args)
    {
        var given = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[HostDefaults.ContentRootKey];
        return string.IsNullOrEmpty(given) ? ForApp(AppContext.BaseDirectory, typeof(ContentRoot).Assembly) : null;
    }

    /// <summary>
    /// A published app's folder is its own content root. A build's output (<c>bin/…</c>, what <c>dotnet run</c>
    /// starts) is not: its static-web-assets manifest serves <c>wwwroot</c> from the project folder, and the project
    /// folder is where <c>dotnet run</c> keeps <c>App_Data</c> and finds the repository's decks. So a build uses the
    /// project folder it was built from, the same from whatever folder it is started.
    /// </summary>
    internal static string ForApp(string appDirectory, Assembly app)
    {
        var buildManifest = Path.Combine(appDirectory, app.GetName().Name + ".staticwebassets.runtime.json");
        var project = app.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == ProjectDirectoryKey)?.Value;
        return File.Exists(buildManifest) && project is not null && File.Exists(Path.Combine(project, SettingsFile))
            ? project
            : Path.TrimEndingDirectorySeparator(appDirectory);
    }

    /// <summary>Refuses to start without the app's settings, rather than run half-configured.</summary>
    public static void RequireSettings(IHostEnvironment environment)
    {
        var settings = Path.Combine(environment.ContentRootPath, SettingsFile);
        if (!File.Exists(settings))
        {
            throw new InvalidOperationException(
                $"The app's settings file is not at {settings}, so the app would run without its settings (log levels that keep connection tokens out of the log, how static files are served). " +
                "Start it from a complete build or publish folder, or point --contentRoot (ASPNETCORE_CONTENTROOT) at the folder holding appsettings.json.");
        }
    }
}
