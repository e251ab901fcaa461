//! The handlers' error: a domain `ApiError`, so that `?` works on both domain rules and Worker
//! calls. Anything from the runtime becomes a logged 500 with no internals in the message.

use domain::{ApiError, Reason};

#[derive(Debug)]
pub struct Error(pub ApiError);

pub type Result<T> = std::result::Result<T, Error>;

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Error(e)
    }
}

impl From<worker::Error> for Error {
    fn from(e: worker::Error) -> Self {
        let text = match &e {
            worker::Error::D1(d1) => d1.cause(),
            other => other.to_string(),
        };
        if text.contains("UNIQUE constraint failed") {
            return Error(ApiError::new(
                Reason::Duplicate,
                "that record already exists",
            ));
        }
        worker::console_error!("internal error: {text}");
        Error(ApiError::new(
            Reason::Internal,
            "something went wrong on our side; please try again",
        ))
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        worker::console_error!("serialisation error: {e}");
        Error(ApiError::internal(
            "something went wrong on our side; please try again",
        ))
    }
}
