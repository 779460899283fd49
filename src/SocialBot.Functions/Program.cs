using SocialBot.Functions;

var app = SocialBotApp.Build(args);
await app.RunAsync();
