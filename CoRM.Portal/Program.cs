using CoRM.Infrastructure;
using CoRM.Infrastructure.Persistence;
using CoRM.Portal;

var builder = WebApplication.CreateBuilder(args);
builder.AddInfrastructureServices();
builder.AddPortalServices();

var app = builder.Build();
await app.Services.InitialiseDatabaseAsync();
app.UsePortal();
await app.RunAsync();

/// <summary>Visible to the test host.</summary>
public partial class Program;
