using SuperTickets.Admin;
using SuperTickets.Data;
using SuperTickets.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddDataAccess();
builder.AddAdminApi();

var app = builder.Build();
app.MapAdminApi();
app.Run();
