"""The province's lists of licensed placement companies (P3MI) and their job orders: imported
from office spreadsheets, matched against names as families type them, checked in the chat and
flagged on the officers' pages. Other modules use `bot.companies.service`."""
