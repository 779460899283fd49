using SocialBot.LoadTest;

return await LoadTestProgram.RunAsync(args);
