// Campaigns
