using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Web.Storage;

/// <summary>Stores ASP.NET's data-protection keys in the app's own database (table <c>ProtectionKeys</c>).</summary>
internal sealed class DatabaseXmlRepository(IDbContextFactory<LiveDbContext> dbFactory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.CreateDbContext();
        return db.ProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var db = dbFactory.CreateDbContext();
        db.ProtectionKeys.Add(new ProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
