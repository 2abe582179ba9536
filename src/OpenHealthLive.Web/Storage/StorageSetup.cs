using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Web.Storage;

internal static class StorageSetup
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<DataDirectory>();
        builder.Services.AddDbContextFactory<LiveDbContext>((services, options) =>
            options.UseSqlite(SqliteStorage.ConnectionString(services.GetRequiredService<DataDirectory>().Path))
                // Interceptors registered in DI join in (the tests use one to make the database refuse writes).
                .AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        builder.Services.AddHostedService<DatabaseMigrator>();

        // Sign-in cookies must survive a restart, and must not depend on the user profile of whoever runs the site.
        builder.Services.AddDataProtection().SetApplicationName("OpenHealthLive");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<DataDirectory>((keys, data) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(data.Combine("keys")), NullLoggerFactory.Instance));
        return builder;
    }
}

/// <summary>The resolved, absolute data directory.</summary>
public sealed class DataDirectory(IOptions<StorageOptions> options, IHostEnvironment environment)
{
    public string Path { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.DataDirectory));

    public string Combine(string fileName) => System.IO.Path.Combine(Path, fileName);
}
