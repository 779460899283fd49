using SocialBot.InboxBench;

return await InboxBenchProgram.RunAsync(args);
