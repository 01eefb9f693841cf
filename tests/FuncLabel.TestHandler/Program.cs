using FuncLabel.TestHandler;

// A custom handler for the local host's tests. The host gives the port; GET / answers readiness.
var port = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT")
           ?? throw new InvalidOperationException("FUNCTIONS_CUSTOMHANDLER_PORT is not set: run under a Functions host.");
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
builder.Logging.ClearProviders();
var app = builder.Build();
var records = new InvocationRecords(Environment.GetEnvironmentVariable("TESTHANDLER_RECORDS")
                                    ?? throw new InvalidOperationException("TESTHANDLER_RECORDS is not set (local settings)."));

app.MapGet("/", () => Results.Ok("ready"));
app.MapTriggerFunctions(records);
app.MapHttpEcho(records);
app.Run();
