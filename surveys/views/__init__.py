"""The surveys app's pages: reading (members), rounds and answering, import and export."""
