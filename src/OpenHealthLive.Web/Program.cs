using OpenHealthLive.Web;
using OpenHealthLive.Web.Decks;
using OpenHealthLive.Web.Infrastructure;

if (args is ["lint", ..])
{
    return await DeckLintCommand.RunAsync(args[1..], Console.Out);
}

// The app's own folder, not the working directory: started from anywhere, it finds its settings and files.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Resolve(args) });
builder.AddOpenHealthLive();

var app = builder.Build();
app.MapOpenHealthLive();
await app.RunAsync();
return 0;

/// <summary>The web app's entry point, public so that tests can host it.</summary>
public partial class Program;
