using OpenHealthLive.Web;
using OpenHealthLive.Web.Decks;

if (args is ["lint", ..])
{
    return await DeckLintCommand.RunAsync(args[1..], Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddOpenHealthLive();

var app = builder.Build();
app.MapOpenHealthLive();
await app.RunAsync();
return 0;

/// <summary>The web app's entry point, public so that tests can host it.</summary>
public partial class Program;
