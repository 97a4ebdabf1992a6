using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PostOptOutAndLetterCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PostOptOut",
                table: "Constituents",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PostCode",
                table: "CampaignRecipients",
                type: "nvarchar(11)",
                maxLength: 11,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_PostCode",
                table: "CampaignRecipients",
                column: "PostCode",
                unique: true,
                filter: "[PostCode] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CampaignRecipients_PostCode",
                table: "CampaignRecipients");

            migrationBuilder.DropColumn(
                name: "PostOptOut",
                table: "Constituents");

            migrationBuilder.DropColumn(
                name: "PostCode",
                table: "CampaignRecipients");
        }
    }
}
