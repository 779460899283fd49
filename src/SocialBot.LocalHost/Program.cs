using SocialBot.LocalHost;

await LocalHostApp.Build(args).RunAsync();
